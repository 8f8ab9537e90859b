/**
 * The printed page: A4, margins a desk printer can reach, one `.page` per sheet with its own footer.
 * Page numbers are written into each page by the renderer rather than left to the browser, so that a page
 * printed from any browser, with or without its header-and-footer option, says "第 N 页 / 共 M 页".
 *
 * The font stack names what office PCs have: 微软雅黑 on Windows, 苹方 on macOS, 文泉驿微米黑 and Noto
 * Sans CJK on Linux, 宋体 as the last Windows resort. 文泉驿 comes before Noto on purpose: Chromium embeds
 * Noto's CFF outlines (and any synthetic bold) as nameless Type 3 fonts, which print but cannot be checked
 * or searched well; 文泉驿's TrueType outlines embed as a proper font. `font-synthesis: none` keeps a
 * missing bold face from being faked for the same reason: emphasis comes from size and rules instead.
 */

export const FONT_STACK =
  '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "SimSun", "宋体", sans-serif';

/** Printable width and height of an A4 sheet inside the @page margins, mm. */
export const PAGE = { width: 182, height: 272, marginX: 14, marginY: 12 } as const;

export const PAGE_STYLE = `
@page { size: A4; margin: ${PAGE.marginY}mm ${PAGE.marginX}mm; }
* { box-sizing: border-box; }
html { font-family: ${FONT_STACK}; font-size: 10pt; line-height: 1.4; color: #000; font-synthesis: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
.page { width: ${PAGE.width}mm; height: ${PAGE.height}mm; display: flex; flex-direction: column; break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
@media screen {
  html { background: #d9d9d9; }
  .page { box-sizing: content-box; padding: ${PAGE.marginY}mm ${PAGE.marginX}mm; margin: 6mm auto; background: #fff; box-shadow: 0 0.5mm 3mm rgba(0,0,0,0.3); }
}
h1 { font-size: 16pt; font-weight: bold; line-height: 1.25; margin: 0 0 1.5mm; }
h2 { font-size: 11.5pt; font-weight: bold; margin: 3mm 0 1.2mm; padding-left: 1.6mm; border-left: 1.2mm solid #000; line-height: 1.2; }
p { margin: 0 0 1mm; }
.kicker { display: flex; justify-content: space-between; font-size: 9pt; border-bottom: 0.4mm solid #000; padding-bottom: 0.8mm; margin-bottom: 2mm; }
.sub { font-size: 11pt; margin-bottom: 2mm; }
.provisional { border: 0.4mm solid #000; padding: 0 1.5mm; font-size: 0.7em; letter-spacing: 0.2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.25mm solid #000; padding: 0.7mm 1.4mm; text-align: left; vertical-align: middle; }
th { background: #ececec; font-weight: normal; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.c, th.c { text-align: center; white-space: nowrap; }
.info th { width: 25mm; }
/* haze checklist --link: the group's link as a QR code beside the cover's table. */
.cover-head { display: flex; gap: 3mm; align-items: flex-start; }
.cover-head .info { flex: 1 1 auto; }
.link-qr { flex: 0 0 34mm; margin: 0; text-align: center; }
.link-qr svg { display: block; width: 26mm; height: 26mm; margin: 0 auto; }
.link-qr figcaption { font-size: 6.5pt; line-height: 1.25; }
.link-qr figcaption span { display: block; }
.link-qr .url { word-break: break-all; font-family: monospace; margin-bottom: 0.5mm; }
.box { display: inline-block; width: 3.8mm; height: 3.8mm; border: 0.35mm solid #000; vertical-align: middle; }
.route-table td, .route-table th { padding: 0.6mm 1.2mm; }
.route-table.compact { font-size: 9pt; line-height: 1.25; }
.route-table.compact td, .route-table.compact th { padding: 0.25mm 1.2mm; }
/* The map takes whatever height the sheet has left; the drawing scales to fit it, never past the sheet. */
.map { flex: 1 1 0; min-height: 45mm; position: relative; margin: 2mm 0 1.5mm; }
.map svg { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
.measure { border: 0.35mm solid #000; padding: 1.5mm 2mm; }
.measure .main { font-size: 12pt; margin-bottom: 0.8mm; }
.measure ul { margin: 0.5mm 0 0; padding-left: 5mm; }
.clue { margin: 3mm 0 4mm; break-inside: avoid; }
.clue .main { font-size: 10.5pt; margin: 0 0 1.5mm; }
.clue .chart svg { display: block; }
.items td { height: 7.2mm; }
.items th.c, .items td.c { width: 12mm; }
.notes { flex: 1 1 auto; min-height: 22mm; overflow: hidden; display: flex; flex-direction: column; }
.notes .line { flex: 0 0 7.5mm; border-bottom: 0.2mm solid #666; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 2.5mm 6mm; margin-top: 3mm; font-size: 10pt; }
.sign .blank { display: inline-block; border-bottom: 0.25mm solid #000; min-width: 26mm; height: 5mm; vertical-align: bottom; }
.sign .wide { grid-column: 1 / span 2; }
.page-foot { margin-top: auto; padding-top: 1.2mm; border-top: 0.25mm solid #000; display: flex; justify-content: space-between; font-size: 8.5pt; }
.empty { padding: 6mm 0; font-size: 12pt; text-align: center; }
.plan-tables { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 3mm; margin-top: 2mm; align-items: start; }
.plan-group { margin-bottom: 1.5mm; }
.plan-tables table { font-size: 7pt; line-height: 1.25; }
.plan-tables td, .plan-tables th { padding: 0.35mm 0.8mm; }
.plan-tables td:nth-child(3) { white-space: nowrap; }
.plan-tables .cap { font-size: 8.5pt; line-height: 1.3; margin-bottom: 0.5mm; }
.plan-tables .cap svg { vertical-align: middle; }
.plan-tables .cap .who { font-size: 7pt; display: block; }
`;
