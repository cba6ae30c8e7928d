import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharePlayer } from "@/components/share/share-player";
import { getSharePage } from "@/lib/shares/get-share-page";
import { requestOrigin } from "@/lib/shares/request-origin";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ shareId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getSharePage((await params).shareId);
  if (!page) return { title: "Not found", robots: { index: false, follow: false } };
  const origin = await requestOrigin();
  const pageUrl = `${origin}/s/${page.shareId}`;
  const videoUrl = `${origin}${page.videoPath}`;
  const posterUrl = page.posterPath ? `${origin}${page.posterPath}` : undefined;
  const size = page.width && page.height ? { width: page.width, height: page.height } : {};
  return {
    metadataBase: new URL(origin),
    title: page.title,
    description: page.description,
    alternates: { canonical: pageUrl },
    robots: page.allowIndexing ? { index: true, follow: true } : { index: false, follow: false },
    openGraph: {
      type: "video.other",
      url: pageUrl,
      siteName: "Omni Studio",
      title: page.title,
      description: page.description,
      ...(posterUrl ? { images: [{ url: posterUrl, ...size, alt: page.title }] } : {}),
      videos: [{ url: videoUrl, secureUrl: videoUrl, type: "video/mp4", ...size }],
    },
    twitter: {
      card: "player",
      title: page.title,
      description: page.description,
      ...(posterUrl ? { images: [posterUrl] } : {}),
      players: [
        {
          playerUrl: pageUrl,
          streamUrl: videoUrl,
          width: page.width ?? 1280,
          height: page.height ?? 720,
        },
      ],
    },
  };
}

/** The public page: no sign-in and no studio chrome, just the video and a way back in. */
export default async function SharePage({ params }: Props) {
  const page = await getSharePage((await params).shareId);
  if (!page) notFound();
  return <SharePlayer page={page} />;
}
