/**
 * 下载图表（PNG）: a picture of a chart for slides, chat apps and word processors that take no SVG. It is
 * drawn in the reader's browser from the chart's SVG download — the same framed file, with its title, source
 * line, credit and a draft's hatching — so the two downloads cannot differ, and the build needs no fonts. The
 * button exists only when this script runs; without it the SVG download is there.
 */

/** Pixels per SVG unit: a 640-unit chart becomes a 1,920-pixel picture, sharp on a projector. */
const SCALE = 3;

/** The framed SVG file as a PNG blob, drawn at `SCALE` on a white ground. */
async function pngOf(svgUrl: string): Promise<Blob> {
  const response = await fetch(svgUrl);
  if (!response.ok) throw new Error(`${svgUrl}: HTTP ${response.status}`);
  const text = await response.text();
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(text);
  if (!box) throw new Error(`${svgUrl}: no viewBox`);
  const width = Math.round(Number(box[1]) * SCALE);
  const height = Math.round(Number(box[2]) * SCALE);
  // A fixed pixel size for the image, instead of the page's responsive sizing.
  const sized = text
    .replace(/^(<svg\b[^>]*?) style="[^"]*"/, '$1')
    .replace(/^<svg\b/, `<svg width="${width}" height="${height}"`);
  const image = new Image();
  // A data: URL, which the site's CSP allows for images (img-src 'self' data:) and which leaves the canvas clean.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(sized)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('canvas.toBlob gave nothing'))),
      'image/png',
    ),
  );
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function installPngDownload(figure: HTMLElement): void {
  const svgLink = figure.querySelector<HTMLAnchorElement>('.chart__links a[href$=".svg"]');
  if (!svgLink) return;
  const fileName = (svgLink.pathname.split('/').pop() ?? 'chart.svg').replace(/\.svg$/, '.png');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'link-button';
  button.textContent = '下载图表（PNG）';
  button.setAttribute('data-chart-png', '');
  const status = document.createElement('span');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = '正在生成 PNG…';
    try {
      save(await pngOf(svgLink.href), fileName);
      status.textContent = `已生成 ${fileName}`;
    } catch (error) {
      console.warn('chart PNG:', error);
      status.textContent = 'PNG 生成失败，请改用 SVG 下载';
    } finally {
      button.disabled = false;
    }
  });
  svgLink.after(button, status);
}

for (const figure of document.querySelectorAll<HTMLElement>('figure.chart')) installPngDownload(figure);
