export const dynamic = "force-dynamic";

/** Liveness for load balancers and the test harness; says nothing about configuration. */
export function GET() {
  return Response.json({ ok: true });
}
