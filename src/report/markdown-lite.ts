import { escapeXml } from '../diagram/svg.js';

/**
 * The little markdown the changelog's generated blocks use (headings, bullet lists, `code`,
 * **bold**, [links](url)) as HTML. Everything is escaped first; unknown syntax shows as text.
 */
export function markdownToHtml(text: string): string {
  const out: string[] = [];
  let inList = false;
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(`<p>${paragraph.map(inline).join(' ')}</p>`);
    paragraph = [];
  };
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (/^<!--.*-->$/.test(line.trim())) continue;
    const item = /^\s*[-*] (.*)$/.exec(line);
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (item) {
      flush();
      if (!inList) out.push('<ul>');
      inList = true;
      out.push(`<li>${inline(item[1])}</li>`);
      continue;
    }
    if (inList && /^\s{2,}\S/.test(line)) {
      out[out.length - 1] = out[out.length - 1].replace(/<\/li>$/, ` ${inline(line.trim())}</li>`);
      continue;
    }
    if (inList) {
      out.push('</ul>');
      inList = false;
    }
    if (heading) {
      flush();
      const level = Math.min(6, heading[1].length + 2);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (line.trim() === '') flush();
    else paragraph.push(line.trim());
  }
  flush();
  if (inList) out.push('</ul>');
  return out.join('\n');
}

function inline(text: string): string {
  return escapeXml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) => (/^(javascript|data):/i.test(href) ? label : `<a href="${href}">${label}</a>`));
}
