// Texts of pages both portals share: the accessibility statement and the error page (Swedish).
export const pages = {
  error: { lead: 'Felkod {{status}}.', home: 'Till startsidan' },
  accessibility: {
    title: 'Tillgänglighetsredogörelse',
    lead: 'Så tillgänglig är {{portal}}. Kommunen ansvarar för tjänsten och vill att alla ska kunna använda den.',
    statusTitle: 'Hur tillgänglig är tjänsten?',
    status: 'Tjänsten ska uppfylla WCAG 2.1 nivå AA. Varje sida testas automatiskt med axe-core, på svenska och engelska och i mobil- och datorbredd, och formulären går att fylla i med bara tangentbordet.',
    knownIssuesTitle: 'Kända brister',
    knownIssues: 'Vi känner inte till några brister just nu. Hittar du en, berätta för oss.',
    reportTitle: 'Rapportera ett problem',
    report: 'Om något inte fungerar för dig, kontakta kommunens kontaktcenter eller din kontaktperson på socialtjänsten. Vi svarar inom fem arbetsdagar.',
    supervisionTitle: 'Tillsyn',
    supervision: 'Myndigheten för digital förvaltning (Digg) har tillsyn över lagen om tillgänglighet till digital offentlig service. Är du inte nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg.',
  },
};
