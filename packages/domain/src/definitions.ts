// Definitions shown in the app in Swedish and English (DOMAIN.md §3 and §10). Older wordings stay visible,
// marked 'older', because the seeds and partners still use them (§10: "show both, marked as such").

export interface Definition {
  id: string;
  term: { sv: string; en: string };
  text: { sv: string; en: string };
  source: string;
  status: 'current' | 'older';
}

const defector = { sv: 'Avhoppare', en: 'Defector' };

export const definitions: readonly Definition[] = [
  {
    // §10: the joint definition of the police, probation service, SiS and Socialstyrelsen since 2022.
    id: 'defector.joint2022',
    term: defector,
    text: {
      sv: 'En person som har valt att lämna organiserad brottslighet – i kriminella nätverk, våldsbejakande extremistiska miljöer eller hederskontexter – och som bedöms behöva samhällets stöd och skydd för att fullfölja det. Definitionen har ingen åldersgräns.',
      en: 'A person who has chosen to leave organised crime – criminal networks, violent extremist environments or honour contexts – and is judged to need society’s support and protection to complete it. The definition has no age limit.',
    },
    source: 'DOMAIN.md §10: joint definition of the police, probation service, SiS and Socialstyrelsen, 2022',
    status: 'current',
  },
  {
    // 003: quoted from the national exit programme's sub-report 2; superseded by the 2022 joint definition.
    id: 'defector.nationalSubReport2',
    term: defector,
    text: {
      sv: 'En individ som väljer att lämna en kriminell eller våldsbejakande extremistisk miljö eller gruppering och som bedöms behöva samhällets stöd och/eller skydd för att fullfölja detta. Det kan även avse en individ som behöver samhällets stöd och skydd för att lämna en hederskontext.',
      en: 'An individual who chooses to leave a criminal or violent extremist environment or grouping and is judged to need society’s support and/or protection to complete it. It can also mean an individual who needs society’s support and protection to leave an honour context.',
    },
    source: '003: national exit programme, sub-report 2',
    status: 'older',
  },
  {
    // 003: the police wording the 2022 joint definition replaced ("may be punished on exit").
    id: 'defector.policeOlder',
    term: defector,
    text: {
      sv: 'En person som väljer att lämna en kriminell gruppering, ett nätverk eller organiserad brottslighet och som kan bestraffas för att hen lämnar, och därför har en latent eller konkret hotbild mot sig.',
      en: 'A person who chooses to leave a criminal grouping, network or organised crime, who may be punished for leaving, and so has a latent or concrete threat against them.',
    },
    source: '003: the police definition (older wording)',
    status: 'older',
  },
  {
    id: 'exitProgramme.nationalSubReport2',
    term: { sv: 'Avhopparverksamhet', en: 'Exit programme' },
    text: {
      sv: 'En strukturerad verksamhet vars huvudsakliga syfte är att genom olika insatser stödja individer att lämna en kriminell eller våldsbejakande extremistisk miljö eller gruppering.',
      en: 'A structured activity whose main purpose is to support individuals, through interventions, to leave a criminal or violent extremist environment or grouping.',
    },
    source: '003: national exit programme, sub-report 2',
    status: 'current',
  },
  {
    id: 'sig.socialstyrelsen',
    term: { sv: 'Sociala insatsgrupper (SIG)', en: 'Social intervention groups (SIG)' },
    text: {
      sv: 'En lokal samverkansform där insatser kring en individ som riskerar att utveckla eller återfalla i allvarlig brottslighet eller en kriminell livsstil samordnas på individnivå, under ledning av socialtjänsten i den kommun där den unge bor. SIG arbetar förebyggande, uppsökande och motiverande mot en bred målgrupp och kan slussa den som själv vill förändra sitt liv vidare till avhopparverksamheten.',
      en: 'A local form of collaboration where interventions around an individual at risk of developing, or relapsing into, serious crime or a criminal lifestyle are coordinated at the individual level, led by the social services of the municipality where the young person lives. SIG works preventively, outreaching and motivating towards a wide group, and can pass those who themselves want to change on to the exit programme.',
    },
    source: '003: Socialstyrelsen 2020-3-6691',
    status: 'current',
  },
];

export function definitionById(id: string): Definition | undefined {
  return definitions.find((definition) => definition.id === id);
}
