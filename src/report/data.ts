import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { HistoryEntry, StatusReport } from '../status/types.js';

/** A group of findings from one capability, or why it is not available. */
export type FindingsGroup =
  | { title: string; source: string; available: true; diagnostics: Diagnostic[] }
  | { title: string; source: string; available: false; reason: string };

export interface ChangelogSectionView {
  heading: string;
  /** Markdown of the section (generated block and notes). */
  markdown: string;
}

/** Everything the HTML report shows. Built by collectReport, rendered by renderReportHtml. */
export interface ReportData {
  title: string;
  status: StatusReport;
  /** Inline SVG of the ER diagram. */
  diagramSvg: string;
  models: number;
  relationships: number;
  findings: FindingsGroup[];
  changelog: { available: true; source: string; sections: ChangelogSectionView[] } | { available: false; reason: string };
  history: HistoryEntry[];
  /** Turns file:line into a link target. */
  link: (file: string, line: number) => string;
  /**
   * Turns a link written in a file (relative to that file's folder, both from the project root)
   * into a link that works from the report: relative to the report's folder, or under --link-base.
   * Absolute URLs and #anchors are kept.
   */
  href: (target: string, writtenIn: string) => string;
}
