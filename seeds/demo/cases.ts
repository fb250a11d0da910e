import type { SeedCase } from './types';

/** Cases that appear at more than one meeting in the demo data (seed 003's "Tidligere behandling"). Case numbers follow KL's journal plan; invented plainly. */
export const cases: SeedCase[] = [
  { key: 'regnskab-2020-sus', body: 'ballerup', caseNumber: '00.30.14-S00-3-20', title: 'Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget' },
  { key: 'budgetopfoelgning-2021-sus', body: 'ballerup', caseNumber: '00.30.10-S00-5-21', title: 'Budgetopfølgning 2021 for Social- og Sundhedsudvalget' },
  { key: 'udgiftsudvikling-voksen', body: 'ballerup', caseNumber: '00.30.10-S00-2-21', title: 'Udgiftsudviklingen på det specialiserede voksenområde 2021' },
  { key: 'sammenhaengende-borgerforloeb', body: 'ballerup', caseNumber: '27.00.00-A00-4-20', title: 'Sammenhængende borgerforløb' },
  { key: 'kvalitetsrapport-social-sundhed', body: 'ballerup', caseNumber: '27.00.00-A00-7-20', title: 'Kvalitetsrapport på social- og sundhedsområdet' },
  { key: 'kvalitetsstandard-tildeling', body: 'ballerup', caseNumber: '27.15.00-P24-2-18', title: 'Kvalitetsstandard for tildeling' },
  { key: 'bo-og-dagtilbud', body: 'ballerup', caseNumber: '82.02.00-G01-1-21', title: 'Ibrugtagning af Bo- og dagtilbud' },
  { key: 'sundhedspolitik', body: 'ballerup', caseNumber: '29.00.00-A00-1-20', title: 'Sundhedspolitik for Ballerup Kommune' },
  { key: 'integrationsstrategi', body: 'ballerup', caseNumber: '27.00.00-A00-2-21', title: 'Integrationsstrategi i Ballerup Kommune' },
  { key: 'erhvervs-og-vaekstpolitik', body: 'ballerup', caseNumber: '24.00.00-A00-1-21', title: 'Erhvervs- og Vækstpolitik 2021-2025' },
  { key: 'udsattestrategi', body: 'ballerup', caseNumber: '27.00.00-A00-9-22', title: 'Plads til alle – Ballerup Kommunes strategi mod udsathed blandt voksne (2022-2029)' },
  { key: 'lindevej-12', body: 'ballerup', caseNumber: '82.06.02-G01-3-26', title: 'Køb af ejendommen Lindevej 12' },
];
