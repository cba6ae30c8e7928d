import "server-only";

/**
 * The share page's whole stylesheet, inlined into its <style>: one small page needs no CSS
 * request of its own, and the studio's Tailwind bundle would be ten times its size. Colours
 * are the studio's (app/globals.css). The button is a darker violet than the accent so white
 * text on it keeps 4.5:1 contrast.
 */
export const SHARE_PAGE_CSS = [
  "*,*::before,*::after{box-sizing:border-box}",
  "html{color-scheme:dark;-webkit-text-size-adjust:100%;text-size-adjust:100%}",
  'body{margin:0;background:#0b0d12;color:#e8ecf4;font:16px/1.5 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;-webkit-font-smoothing:antialiased}',
  ":focus-visible{outline:2px solid #a596ff;outline-offset:2px}",
  "main{display:flex;flex-direction:column;gap:1.25rem;max-width:56rem;min-height:100vh;margin:0 auto;padding:2rem 1rem}",
  "header{display:flex;align-items:center;justify-content:space-between;gap:.75rem}",
  ".brand{margin:0;font-weight:600;letter-spacing:-.01em}",
  ".cta{flex:none;border-radius:.375rem;background:#5b4bdb;padding:.5rem 1rem;color:#fff;font-size:.875rem;font-weight:500;line-height:1.25rem;text-decoration:none}",
  ".cta:hover{background:#6a5af0}",
  "h1{margin:0;font-size:1.25rem;line-height:1.75rem;font-weight:600;overflow-wrap:anywhere}",
  ".frame{width:100%;margin:0 auto;overflow:hidden;border:1px solid #2a3142;border-radius:.75rem;background:#000}",
  "video{display:block;width:100%;height:100%;background:#000}",
  ".recipe{display:flex;flex-direction:column;gap:.5rem;font-size:.875rem}",
  ".recipe h2{margin:0;color:#9aa4b8;font-size:.75rem;font-weight:600;letter-spacing:.05em;text-transform:uppercase}",
  ".prompt{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.75rem;color:rgba(255,255,255,.9)}",
  ".chip{display:inline-flex;align-items:center;gap:.25rem;margin:0 .125rem;padding:.125rem .5rem .125rem .125rem;border:1px solid rgba(124,108,255,.4);border-radius:9999px;background:rgba(124,108,255,.15);color:#a596ff;font-size:.75rem;line-height:1rem;vertical-align:middle;white-space:nowrap}",
  ".chip-thumb{width:1.25rem;height:1.25rem;border-radius:9999px;object-fit:cover}",
  ".chip-icon{display:flex;align-items:center;justify-content:center;width:1.25rem;height:1.25rem;border-radius:9999px;background:#1b2130;font-size:10px;text-transform:uppercase}",
  ".sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}",
  "footer{color:#9aa4b8;font-size:.75rem}",
  ".badges{display:flex;gap:.375rem;margin:0}",
  ".badge{border:1px solid #2a3142;border-radius:9999px;padding:.125rem .5rem;font-size:.75rem;color:rgba(255,255,255,.8)}",
  ".badge.sound{border-color:rgba(20,184,166,.4);color:#99f6e4}",
  ".shots{display:flex;flex-direction:column;gap:.5rem;margin:0;padding:0;list-style:none}",
  ".shots li{border:1px solid #2a3142;border-radius:.5rem;padding:.75rem}",
  ".shot-meta{margin:0 0 .25rem;color:#9aa4b8;font-size:.75rem}",
  ".message>p{margin:0;color:#9aa4b8}",
  ".message>p a{color:#a596ff}",
  "@media (max-width:480px){main{gap:1rem;padding:1rem .75rem}h1{font-size:1.125rem}}",
].join("");
