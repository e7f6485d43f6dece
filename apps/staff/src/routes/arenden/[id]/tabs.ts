// The case's sections, shown as tabs (links) under the case header. To add a section (consent, police assessment,
// transfer, interventions, plan, network meetings), add a route folder beside this file and one line here.
export interface CaseTab {
  /** The path under /arenden/[id]; '' is the overview. */
  path: string;
  labelKey: string;
}

export const caseTabs: CaseTab[] = [
  { path: '', labelKey: 'cases.tabs.overview' },
  { path: 'behorighet', labelKey: 'cases.tabs.eligibility' },
  { path: 'hotbedomning', labelKey: 'policeAssessment.tab' },
  { path: 'beslut', labelKey: 'cases.tabs.decisions' },
  { path: 'journal', labelKey: 'cases.tabs.journal' },
  { path: 'insatser', labelKey: 'support.tabs.interventions' },
  { path: 'plan', labelKey: 'support.tabs.plan' },
  { path: 'natverksmoten', labelKey: 'support.tabs.meetings' },
  { path: 'samtycke', labelKey: 'consent.tab' },
  { path: 'flytt', labelKey: 'transfer.tab' },
  { path: 'handelser', labelKey: 'cases.tabs.timeline' },
];
