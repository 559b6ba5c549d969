import { Marked, type Tokens } from 'marked';
import { escapeXml } from '../diagram/svg.js';

/**
 * Markdown (the changelog's sections) as HTML, by `marked`. Raw HTML in the markdown is shown as
 * text (the report runs no markup it did not write) and HTML comments (the changelog's markers)
 * are dropped. Link and image targets go through `href`, so a link written relative to the
 * changelog works from wherever the report is written.
 */
export function markdownToHtml(text: string, href: (target: string) => string = (t) => t): string {
  const marked = new Marked({
    gfm: true,
    async: false,
    walkTokens(token) {
      if (token.type === 'link' || token.type === 'image') (token as Tokens.Link).href = href((token as Tokens.Link).href);
    },
    renderer: {
      html(token) {
        return /^\s*<!--[\s\S]*-->\s*$/.test(token.text) ? '' : escapeXml(token.text);
      },
      heading({ tokens, depth }) {
        // The report's own h1-h3 come first: a section's headings start at h4.
        const level = Math.min(6, depth + 3);
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
    },
  });
  return marked.parse(text) as string;
}
