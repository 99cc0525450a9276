/**
 * The inline style sheet of the HTML timeline page.
 *
 * @internal
 */

/** The page's style sheet. @internal */
export const CSS = [
  ':root{color-scheme:light}',
  'body{margin:16px;font:13px/1.4 "DejaVu Sans",Verdana,Arial,sans-serif;color:#1d232b;background:#fff}',
  'h1{font-size:20px;margin:0 0 4px}',
  '.range{margin:0 0 10px;color:#4a5360}',
  '.stats{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 10px}',
  '.stat{border:1px solid #d5dae1;border-radius:6px;padding:6px 10px;min-width:150px;max-width:420px}',
  '.stat dt{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:#5b6573}',
  '.stat dd{margin:0}.stat .value{font-weight:bold;font-size:15px}.stat .detail{color:#4a5360;font-size:12px}',
  '.legend{display:flex;flex-wrap:wrap;gap:14px;margin:0 0 10px;font-size:12px}',
  '.legend .key{display:inline-flex;align-items:center;gap:5px}',
  '.timeline{position:relative}',
  '.axis{position:sticky;top:0;background:#fff;z-index:1;border-bottom:1px solid #c9ced6}',
  'svg{display:block;font-family:"DejaVu Sans",Verdana,Arial,sans-serif}',
  '.ph-pending{fill:#f2b134}.ph-running{fill:#8ec9ef}.ph-ready{fill:#2a9d6f}',
  '.ph-succeeded{fill:#34568b}.ph-failed{fill:#d62839}.ph-terminating{fill:url(#hatch)}',
  '.legend .ph-terminating{fill:#a4a9b1}',
  '.pod-edge{fill:#1d232b;opacity:.55}',
  '.tail{opacity:.45}',
  '.warn{fill:#e4572e;stroke:#7a1f0a;stroke-width:.8}',
  '.ev{fill:#46505e}',
  '.skip{fill:#f2b134;stroke:#8a5a00;stroke-width:.8}',
  '.step{stroke:#7b3fa0;stroke-width:1.2;stroke-dasharray:4 3}',
  '.steplabel{font-size:11px;fill:#5b2a7a}',
  '.rowlabel{font-size:11px;fill:#5b6573}',
  '.tick{font-size:11px;fill:#2d3540}',
  '.tickline{stroke:#9aa2ad;stroke-width:1}',
  '.axisline{stroke:#9aa2ad}',
  '.gridline{stroke:#e3e7ec;stroke-width:1}',
  '.group-bg{fill:#eaeef3}',
  '.group-title{font-size:12px;font-weight:bold;fill:#1d232b}',
  '.group-note{font-size:11px;fill:#4a5360}',
  '.lane-bg{fill:#fff}.lane-bg.odd{fill:#f7f8fa}',
  '.lane-label{font-size:11px;fill:#2d3540}',
  '.bar-text{font-size:9px;fill:#fff;pointer-events:none}',
  '.lane-more .lane-label{font-style:italic}',
  '.empty{font-size:12px;fill:#4a5360}',
  'footer{margin-top:10px;color:#5b6573;font-size:11px}',
].join('\n');
