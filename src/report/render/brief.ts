/**
 * The news brief (bản tin) as plain text, for the committee's website.
 */
import { buildBrief, renderBriefText } from '../brief.ts';
import type { ReportRenderer } from './types.ts';

export const briefRenderer: ReportRenderer = {
  format: 'brief',
  extension: 'txt',
  mediaType: 'text/plain; charset=utf-8',
  render: async (r) => renderBriefText(buildBrief(r)),
};
