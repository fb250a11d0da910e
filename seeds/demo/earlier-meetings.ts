import type { SeedAttendance, SeedMeeting, SeedMembership, SeedPerson } from './types';

/**
 * The earlier meetings that seed 003 (Social- og Sundhedsudvalget, 6 April 2021) points back to
 * through "Tidligere behandling" and "Beslutningshistorik":
 *
 *   sus-2021-03-02  punkt 1 (Meddelelser: Bo- og dagtilbud Bybjergvej), 2, 5, 6 (udsat)
 *   sus-2020-03-31  punkt 7 (Kvalitetsrapport 2019)
 *   kb-2018-11-26   punkt 14 (Kvalitetsstandard for tildeling ...)
 *   kb-2021-02-22   punkt 7 (Integrationspolitik)
 *   ebu-2021-03-09  punkt 3 (Erhvervs- og Vækstpolitik 2021-2025)
 *
 * The items on those cases are written from what seed 003 says about them; the other items are
 * invented plainly so that the meetings have consecutive numbering. Members of Kommunalbestyrelsen
 * and Erhvervs- og Beskæftigelsesudvalget are invented, except the seven SUS members (organisation.ts)
 * and Allan Kristensen (C) and Ulrik Falk-Sørensen (F), who are named in seed 003 punkt 12.
 */

// ---------------------------------------------------------------------------------------------
// People and memberships, term 2018-2021
// ---------------------------------------------------------------------------------------------

export const earlierPeople: SeedPerson[] = [
  // Named in seed 003 punkt 12 ("deltager Allan Kristensen (C) og Ulrik Falk-Sørensen (F)")
  { key: 'allan-kristensen', body: 'ballerup', name: 'Allan Kristensen' },
  { key: 'ulrik-falk-soerensen', body: 'ballerup', name: 'Ulrik Falk-Sørensen' },
  // Invented members of Kommunalbestyrelsen 2018-2021
  { key: 'jens-erik-holm', body: 'ballerup', name: 'Jens Erik Holm' }, // borgmester
  { key: 'susanne-krogh', body: 'ballerup', name: 'Susanne Krogh' },
  { key: 'peter-bruun-hansen', body: 'ballerup', name: 'Peter Bruun Hansen' },
  { key: 'anne-marie-thomsen', body: 'ballerup', name: 'Anne Marie Thomsen' },
  { key: 'morten-dalsgaard', body: 'ballerup', name: 'Morten Dalsgaard' },
  { key: 'lise-juhl-nielsen', body: 'ballerup', name: 'Lise Juhl Nielsen' },
  { key: 'thomas-vinther', body: 'ballerup', name: 'Thomas Vinther' },
  { key: 'hanne-kjaer', body: 'ballerup', name: 'Hanne Kjær' },
  { key: 'bo-rasmussen', body: 'ballerup', name: 'Bo Rasmussen' },
  { key: 'mette-schou', body: 'ballerup', name: 'Mette Schou' },
  { key: 'soeren-bang', body: 'ballerup', name: 'Søren Bang' },
  { key: 'karina-holst', body: 'ballerup', name: 'Karina Holst' },
  { key: 'jan-winther', body: 'ballerup', name: 'Jan Winther' },
  { key: 'lene-borup', body: 'ballerup', name: 'Lene Borup' },
  { key: 'rikke-aagaard', body: 'ballerup', name: 'Rikke Aagaard' },
  { key: 'niels-kirkegaard', body: 'ballerup', name: 'Niels Kirkegaard' },
];

const term = { from: '2018-01-01', to: '2021-12-31' };

/** Kommunalbestyrelsen 2018-2021: 25 members, person key -> party. A 13, V 4, O 3, Ø 2, C 1, F 1, B 1. */
const kbParty: Record<string, string> = {
  'jens-erik-holm': 'A',
  'lolan-ottesen': 'A',
  'dennis-soerensen': 'A',
  'maria-lundahl-assov': 'A',
  'jack-noer': 'A',
  'susanne-krogh': 'A',
  'peter-bruun-hansen': 'A',
  'anne-marie-thomsen': 'A',
  'morten-dalsgaard': 'A',
  'lise-juhl-nielsen': 'A',
  'thomas-vinther': 'A',
  'hanne-kjaer': 'A',
  'bo-rasmussen': 'A',
  'mette-schou': 'V',
  'kaare-harder-olesen': 'V',
  'soeren-bang': 'V',
  'karina-holst': 'V',
  'birgitte-dahl': 'O',
  'jan-winther': 'O',
  'lene-borup': 'O',
  'ali-abbasi': 'Ø',
  'rikke-aagaard': 'Ø',
  'allan-kristensen': 'C',
  'ulrik-falk-soerensen': 'F',
  'niels-kirkegaard': 'B',
};
const kbMembers = Object.keys(kbParty);

const kbRoles: Record<string, 'chair' | 'vice_chair'> = {
  'jens-erik-holm': 'chair', // borgmester
  'mette-schou': 'vice_chair', // 1. viceborgmester
};

/** Erhvervs- og Beskæftigelsesudvalget 2018-2021 (7 members). */
const ebuMembers: Array<{ person: string; role: 'chair' | 'vice_chair' | 'member' }> = [
  { person: 'peter-bruun-hansen', role: 'chair' },
  { person: 'soeren-bang', role: 'vice_chair' },
  { person: 'hanne-kjaer', role: 'member' },
  { person: 'thomas-vinther', role: 'member' },
  { person: 'lene-borup', role: 'member' },
  { person: 'rikke-aagaard', role: 'member' },
  { person: 'niels-kirkegaard', role: 'member' },
];

export const earlierMemberships: SeedMembership[] = [
  ...kbMembers.map(
    (person): SeedMembership => ({
      committee: 'kb',
      person,
      role: kbRoles[person] ?? 'member',
      party: kbParty[person],
      ...term,
    }),
  ),
  ...ebuMembers.map(
    ({ person, role }): SeedMembership => ({ committee: 'ebu', person, role, party: kbParty[person], ...term }),
  ),
];

// ---------------------------------------------------------------------------------------------
// Attendance helpers
// ---------------------------------------------------------------------------------------------

const susMembers = [
  'lolan-ottesen',
  'kaare-harder-olesen',
  'dennis-soerensen',
  'maria-lundahl-assov',
  'jack-noer',
  'ali-abbasi',
  'birgitte-dahl',
];

function attendance(members: string[], absent: Record<string, string> = {}): SeedAttendance[] {
  return members.map((person) =>
    person in absent ? { person, status: 'absent', reason: absent[person] } : { person, status: 'present' },
  );
}

const ingenOekonomi = '<p>Ingen økonomiske konsekvenser</p>';
const tagetTilEfterretning = '<p>Taget til efterretning</p>';
const indstillingenGodkendt = '<p>Indstillingen godkendt</p>';

// ---------------------------------------------------------------------------------------------
// Social- og Sundhedsudvalget, 2. marts 2021
// ---------------------------------------------------------------------------------------------

const sus20210302: SeedMeeting = {
  key: 'sus-2021-03-02',
  committee: 'sus',
  startsAt: '2021-03-02T14:00',
  endsAt: '2021-03-02T17:15',
  location: 'Mødelokale 1, Ballerup Rådhus',
  status: 'minutes_published',
  attendance: attendance(susMembers, { 'birgitte-dahl': 'Afbud' }),
  items: [
    {
      number: 1,
      title: 'Meddelelser',
      kind: 'announcements',
      subPoints: [
        {
          title: 'Vaccination mod COVID-19 på plejecentrene',
          body: '<p>Alle beboere på Ballerup Kommunes plejecentre, som har ønsket det, har nu fået første vaccination mod COVID-19, og hovedparten har også fået anden vaccination. Vaccinationen af medarbejdere i hjemmeplejen og på plejecentrene fortsætter i marts 2021. En status pr. 26. februar 2021 er vedlagt.</p>',
          attachments: [{ title: 'Status på vaccination mod COVID-19 pr. 26. februar 2021', recommended: false }],
        },
        {
          title: 'Bo- og dagtilbud Bybjergvej',
          case: 'bo-og-dagtilbud',
          body: '<p>Byggeriet af Bo- og dagtilbud Bybjergvej 25 i Skovlunde blev afleveret af entreprenøren den 29. januar 2021. Dagtilbuddet blev taget i brug den 26. januar 2021, og alle borgere, der tidligere benyttede Krumtappen, er flyttet med til det nye dagtilbud. Aftenklubben er startet op primo februar 2021.</p><p>Beboerne overtog lejlighederne i botilbuddet den 1. marts 2021, og indflytningen sker i perioden 2. til 8. marts 2021. 31 ud af 33 boliger er udlejet. Ved overtagelsen er der fortsat mangler ved byggeriet, som entreprenøren er i gang med at udbedre.</p><p>Social- og Sundhedsudvalget får en samlet status på ibrugtagningen af bo- og dagtilbuddet på mødet i april 2021.</p>',
        },
        {
          title: 'Ventetid på plejebolig',
          body: '<p>Oversigt over ventetiden på plejeboliger og antallet af borgere på ventelisten pr. 1. februar 2021 er vedlagt.</p>',
          attachments: [{ title: 'Ventetid på plejebolig pr. 1. februar 2021', recommended: false }],
        },
      ],
      decision: tagetTilEfterretning,
    },
    {
      number: 2,
      title: 'Udgiftsudviklingen på det specialiserede voksenområde, januar 2021',
      case: 'udgiftsudvikling-voksen',
      summary:
        '<p>Administrationen forelægger opfølgning på det specialiserede voksenområde for januar 2021.</p><p>På baggrund af januar 2021 forventes et mindreforbrug på 0,605 mio. kr. på aktive indsatser.</p>',
      background:
        '<p>Det specialiserede voksenområde følges tæt med månedlige opgørelser over aktiviteter, da der trods en række initiativer ses en fortsat økonomisk udfordring grundet tilgang til området og stigende priser.</p><p>Inden forelæggelsen for Social- og Sundhedsudvalget har sagen været behandlet i direktionen.</p>',
      casePresentation:
        '<p>Administrationens opfølgning på økonomien på det specialiserede voksenområde viser, at der pr. januar 2021 forventes et mindreforbrug på 0,605 mio. kr. i 2021 på baggrund af de aktive indsatser.</p><p>Opgørelsen er den første i 2021 og bygger på de disponeringer, der er registreret ved årets start. Der tages forbehold for, at tilgang til området og takstændringer i løbet af året kan ændre forventningen.</p><p>Arbejdet med den økonomiske handle-/strategiplan for det specialiserede voksenområde fortsætter i 2021, hvor sparekravet lyder på 16,80 mio. kr. Det primære udgiftsdrivende område er fortsat botilbudsområdet, hvor der arbejdes kontinuerligt med forhandling af takster og kontraktstyring.</p>',
      financialText: ingenOekonomi,
      attachments: [{ title: 'Udgiftsudviklingen på det specialiserede voksenområde, januar 2021', recommended: true }],
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed',
        points: ['Udgiftsudviklingen på det specialiserede voksenområde tages til efterretning.'],
      },
      decision: tagetTilEfterretning,
    },
    {
      number: 3,
      title: 'Orientering om tilsyn på plejecentrene i 2020',
      summary:
        '<p>Social- og Sundhedsudvalget orienteres om resultaterne af de kommunale tilsyn og Styrelsen for Patientsikkerheds tilsyn på Ballerup Kommunes plejecentre i 2020.</p>',
      casePresentation:
        '<p>På grund af COVID-19 blev en del af de planlagte tilsyn i 2020 gennemført som dialogbaserede tilsyn uden fysisk besøg. Tilsynene har generelt ikke givet anledning til væsentlige bemærkninger. Hvor der er givet anbefalinger, har plejecentrene udarbejdet handleplaner, som følges op af administrationen.</p>',
      financialText: ingenOekonomi,
      attachments: [{ title: 'Samlet tilsynsrapport for plejecentrene 2020', recommended: true }],
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed',
        points: ['Orienteringen om tilsyn på plejecentrene i 2020 tages til efterretning.'],
      },
      decision: tagetTilEfterretning,
    },
    {
      number: 4,
      title: 'Kvalitetsstandard for forebyggende hjemmebesøg 2021',
      summary:
        '<p>Kvalitetsstandarden for forebyggende hjemmebesøg er revideret og forelægges til godkendelse med henblik på høring i Seniorrådet.</p>',
      casePresentation:
        '<p>Kvalitetsstandarden er sprogligt opdateret og tilpasset den gældende lovgivning, hvorefter borgere, der fylder 70 år, og borgere på 75 år og derover tilbydes forebyggende hjemmebesøg. Serviceniveauet er ikke ændret.</p>',
      financialText: ingenOekonomi,
      attachments: [{ title: 'Kvalitetsstandard for forebyggende hjemmebesøg 2021', recommended: true }],
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed',
        points: [
          'Kvalitetsstandard for forebyggende hjemmebesøg 2021 godkendes.',
          'Kvalitetsstandarden sendes i høring i Seniorrådet.',
        ],
      },
      decision: indstillingenGodkendt,
    },
    {
      number: 5,
      title: 'Sundhedspolitik',
      case: 'sundhedspolitik',
      summary:
        '<p>Administrationen forelægger andet udkast til ny Sundhedspolitik for Ballerup Kommune til drøftelse og godkendelse med henblik på, at forslaget sendes i høring i de øvrige fagudvalg.</p>',
      background:
        '<p>I august 2020 fremlagde administrationen et første udkast til ny Sundhedspolitik for Ballerup Kommune i Social- og Sundhedsudvalget. På mødet havde udvalget en drøftelse, der førte til ønske om et nyt udkast til sundhedspolitik.</p><p>Det er dette andet udkast, der nu fremlægges for udvalget.</p>',
      casePresentation:
        '<p>Det nye udkast bygger på Kommissorium for udarbejdelse af Sundhedspolitik og på udvalgets drøftelse i august 2020. Politikken er bygget op om afsnittene ”Sundhed i Ballerup Kommune”, ”Mål mod 2029”, ”Mere lighed i sundhed”, ”Mere bevægelse i hverdagen”, ”Bedre mental sundhed”, ”Tættere samarbejde med de alment praktiserende læger” samt ”Udmøntning”.</p><p>Sundhedspolitikken har fællesmængder med en række andre fagpolitikker og strategier, fx Beskæftigelsesstrategien, Børne- og Ungestrategien og Frivillighedspolitikken.</p>',
      financialText: ingenOekonomi,
      attachments: [{ title: 'Udkast til Sundhedspolitik for Ballerup Kommune (andet udkast)', recommended: true }],
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed',
        points: [
          'Udkast til Sundhedspolitik for Ballerup Kommune godkendes.',
          'Udkast til Sundhedspolitik for Ballerup Kommune sendes i høring i øvrige fagudvalg.',
        ],
      },
      decision:
        '<p>Social- og Sundhedsudvalget drøftede udkastet og havde en række ændringsforslag, herunder at:</p><ul><li>de overordnede mål fra Kommissorium for udarbejdelse af Sundhedspolitik skrives ind i forordet, og at borgmesteren står som afsender på politikken</li><li>det betones, at det først og fremmest er det enkelte menneske, som har ansvar for eget liv og sundhed</li><li>der tilføjes mål om alkohol og om kronisk sygdom, og at målet om mental sundhed formuleres som i kommissoriet</li><li>forebyggelse af overvægt skrives ind i afsnittet om lighed i sundhed.</li></ul><p>Udvalget besluttede, at administrationen på den baggrund udarbejder et tredje udkast til Sundhedspolitik for Ballerup Kommune, som forelægges udvalget på mødet i april 2021. Udkastet sendes ikke i høring, før udvalget har godkendt det tredje udkast.</p>',
    },
    {
      number: 6,
      title: 'Sammenhængende borgerforløb',
      case: 'sammenhaengende-borgerforloeb',
      summary:
        '<p>En status på arbejdet med sammenhængende borgerforløb, herunder en præsentation af evalueringen af Frikommuneforsøget Én Plan.</p><p>Sagen fremlægges til orientering i følgende udvalg: Social- og Sundhedsudvalget, Kultur- og Fritidsudvalget, Børne- og Skoleudvalget samt Erhvervs- og Beskæftigelsesudvalget.</p>',
      background:
        '<p>Ballerup Kommune skal levere sammenhængende og helhedsorienterede løsninger på tværs af velfærdsområder, der sikrer en bedre effekt af indsatserne og mere kvalitet for borgerne.</p>',
      casePresentation:
        '<p>Alle borgere med behov herfor kan nu tilbydes et sammenhængende borgerforløb, hvor borgeren får en tovholder, der koordinerer forløbet og sammensætter det tværfaglige team. Det tværfaglige team og borgeren udarbejder sammen Én Plan, hvor alle indsatser er koordineret.</p><p>Ballerup Kommune har sammen med otte andre kommuner deltaget i Frikommuneprojektet En Borger – Én Plan, som VIVE har evalueret. Evalueringen kan ses i bilag; kapitel 9, side 94-96, anbefales læst.</p>',
      financialText: ingenOekonomi,
      attachments: [
        { title: 'VIVE: Evaluering af frikommuneforsøget En Borger – Én Plan', recommended: true },
      ],
      attachmentsNote: '(kapitel 9, side 94-96)',
      decidedBy: 'sus',
      recommendation: {
        by: 'Direktør Mette Vaaben Mortensen og centercheferne Eva Borg, Lone Junge Marcussen, Per Kensø samt Jannik Karoli Plum Nielsen',
        points: ['Orienteringen om Sammenhængende borgerforløb tages til efterretning.'],
      },
      decision: '<p>Udsættes</p>',
    },
    {
      number: 7,
      title: 'Godkendelse af referat (underskriftside)',
      kind: 'minutes_approval',
      decidedBy: 'sus',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Social- og Sundhedsudvalget, 31. marts 2020
// ---------------------------------------------------------------------------------------------

const sus20200331: SeedMeeting = {
  key: 'sus-2020-03-31',
  committee: 'sus',
  startsAt: '2020-03-31T14:00',
  endsAt: '2020-03-31T16:30',
  // The first weeks of the COVID-19 lockdown: committee meetings were held online.
  location: 'Virtuelt møde',
  status: 'minutes_published',
  attendance: attendance(susMembers),
  items: [
    {
      number: 1,
      title: 'Meddelelser',
      kind: 'announcements',
      subPoints: [
        {
          title: 'Besøgsrestriktioner på plejecentrene',
          body: '<p>Som følge af COVID-19 er der fra den 18. marts 2020 indført besøgsforbud på Ballerup Kommunes plejecentre. Pårørende kan fortsat besøge beboere i kritiske situationer efter aftale med plejecentret.</p>',
        },
        {
          title: 'Midlertidig lukning af aktivitetstilbud',
          body: '<p>Aktivitetscentre, træningstilbud og dagtilbud for ældre er midlertidigt lukket. Borgere med særligt behov tilbydes telefonisk kontakt og genoptræning efter en konkret vurdering.</p>',
          attachments: [{ title: 'Oversigt over lukkede og nødåbne tilbud pr. 27. marts 2020', recommended: false }],
        },
      ],
      decision: tagetTilEfterretning,
    },
    {
      number: 2,
      title: 'Regnskab 2019 på bevillingsrammerne under Social- og Sundhedsudvalget',
      summary:
        '<p>Social- og Sundhedsudvalgets regnskab for 2019 på udvalgets bevillingsrammer forelægges til behandling med henblik på at indgå i Ballerup Kommunes samlede årsregnskab for 2019.</p>',
      financialText: '<p>Regnskabsresultatet og de foreslåede overførsler til 2020 fremgår af bilag.</p>',
      attachments: [{ title: 'Regnskab 2019 – mål- og rammebeskrivelser for udvalgets bevillingsrammer', recommended: true }],
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed',
        points: [
          'Regnskab 2019 på bevillingsrammerne under Social- og Sundhedsudvalget indgår som en del af Ballerup Kommunes samlede årsregnskab for 2019, der forelægges Økonomiudvalget og Kommunalbestyrelsen.',
        ],
      },
      decision: indstillingenGodkendt,
    },
    {
      number: 3,
      title: 'Bevillinger eller puljeindtægter på Social- og Sundhedsudvalgets område med udløb i 2021',
      summary:
        '<p>Som et led i forberedelsen til budgettet for 2021 orienteres Social- og Sundhedsudvalget om bevillinger eller puljeindtægter, der har udløb i 2021.</p>',
      financialText: ingenOekonomi,
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed',
        points: ['Orienteringen om bevillinger eller puljeindtægter med udløb i 2021 tages til efterretning.'],
      },
      decision: tagetTilEfterretning,
    },
    {
      number: 4,
      title: 'Udgiftsudviklingen på det specialiserede voksenområde, februar 2020',
      summary:
        '<p>Administrationen forelægger opfølgning på det specialiserede voksenområde for februar 2020.</p>',
      financialText: ingenOekonomi,
      attachments: [{ title: 'Udgiftsudviklingen på det specialiserede voksenområde, februar 2020', recommended: true }],
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed',
        points: ['Udgiftsudviklingen på det specialiserede voksenområde tages til efterretning.'],
      },
      decision: tagetTilEfterretning,
    },
    {
      number: 5,
      title: 'Håndtering af COVID-19 på ældre- og socialområdet',
      summary:
        '<p>Social- og Sundhedsudvalget orienteres om, hvordan Center for Voksne og Sundhed har omstillet opgaverne på ældre- og socialområdet som følge af COVID-19.</p>',
      financialText: ingenOekonomi,
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed',
        points: ['Orienteringen om håndtering af COVID-19 på ældre- og socialområdet tages til efterretning.'],
      },
      decision: tagetTilEfterretning,
    },
    {
      number: 6,
      title: 'Uanmeldte tilsyn på plejecentrene 2019',
      summary:
        '<p>Social- og Sundhedsudvalget orienteres om resultaterne af de uanmeldte kommunale tilsyn på plejecentrene i 2019.</p>',
      financialText: ingenOekonomi,
      attachments: [{ title: 'Tilsynsrapporter for plejecentrene 2019', recommended: false }],
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed',
        points: ['Orienteringen om de uanmeldte tilsyn på plejecentrene i 2019 tages til efterretning.'],
      },
      decision: tagetTilEfterretning,
    },
    {
      number: 7,
      title: 'Kvalitetsrapport på social- og sundhedsområdet for 2019',
      case: 'kvalitetsrapport-social-sundhed',
      summary:
        '<p>Sagen præsenterer kvalitetsrapport 2019 for social- og sundhedsområdet.</p><p>Kvalitetsrapporten tages til efterretning.</p>',
      background:
        '<p>I forbindelse med den politiske aftale 2019 blev parterne enige om, at der én gang årligt udarbejdes en kvalitetsrapport for social- og sundhedsområdet. Efterfølgende har Social- og Sundhedsudvalget i august 2019 godkendt forslag til opbygning af kvalitetsrapporten.</p><p>Kvalitetsrapporten forelægges Social- og Sundhedsudvalget én gang årligt, så vidt muligt inden udgangen af første kvartal.</p>',
      casePresentation:
        '<p>Kvalitetsrapporten for social- og sundhedsområdet er bygget op om tre hovedområder: Ældreområdet, Socialområdet og Sundhedsområdet.</p><p>Der er valgt i alt 13 nøgletal, fordelt med fem nøgletal på ældreområdet og fire nøgletal på henholdsvis handicap- og psykiatriområdet samt sundhedsområdet.</p><p>Dette er første udgave af kvalitetsrapporten. Rapporten indeholder derfor alene data for 2019, og den kan endnu ikke vise udviklingstendenser. Fra næste år vil rapporten, hvor det er muligt, vise udviklingen i forhold til det foregående år.</p>',
      financialText: ingenOekonomi,
      attachments: [{ title: 'Kvalitetsrapport for social- og sundhedsområdet 2019', recommended: true }],
      decidedBy: 'sus',
      recommendation: {
        by: 'Center for Voksne og Sundhed samt Center for Arbejdsmarked',
        points: ['Kvalitetsrapport for social- og sundhedsområdet 2019 tages til efterretning.'],
      },
      decision: tagetTilEfterretning,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Kommunalbestyrelsen, 26. november 2018
// ---------------------------------------------------------------------------------------------

const kb20181126: SeedMeeting = {
  key: 'kb-2018-11-26',
  committee: 'kb',
  startsAt: '2018-11-26T18:00',
  endsAt: '2018-11-26T21:20',
  location: 'Kommunalbestyrelsessalen, Ballerup Rådhus',
  status: 'minutes_published',
  attendance: attendance(kbMembers, { 'karina-holst': 'Afbud' }),
  items: [
    {
      number: 1,
      title: 'Godkendelse af dagsorden',
      summary: '<p>Kommunalbestyrelsen godkender dagsordenen for mødet.</p>',
      decidedBy: 'kb',
      decision: '<p>Godkendt</p>',
    },
    {
      number: 2,
      title: 'Meddelelser',
      kind: 'announcements',
      subPoints: [
        {
          body: '<p>Mødeplan for Kommunalbestyrelsen og de stående udvalg for 2019 er offentliggjort på kommunens hjemmeside.</p>',
        },
      ],
      decision: tagetTilEfterretning,
    },
    {
      number: 3,
      title: 'Tredje budgetopfølgning 2018',
      summary:
        '<p>Tredje budgetopfølgning for 2018 for Ballerup Kommune samlet forelægges til godkendelse.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 4,
      title: 'Takster for 2019',
      summary: '<p>Takster for kommunale ydelser og tilbud i 2019 forelægges til godkendelse.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 5,
      title: 'Låneoptagelse for 2018',
      summary: '<p>Der søges om godkendelse af låneoptagelse for 2018 inden for den samlede låneramme.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 6,
      title: 'Mødeplan for Kommunalbestyrelsen og Økonomiudvalget 2019',
      summary: '<p>Forslag til mødeplan for Kommunalbestyrelsen og Økonomiudvalget i 2019 forelægges til godkendelse.</p>',
      decidedBy: 'kb',
      decision: '<p>Godkendt</p>',
    },
    {
      number: 7,
      title: 'Endelig vedtagelse af lokalplan for boliger ved Pederstrupvej',
      summary:
        '<p>Lokalplanforslaget har været i offentlig høring og forelægges til endelig vedtagelse med de ændringer, der følger af høringen.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 8,
      title: 'Anlægsbevilling til renovering af omklædningsrum i Ballerup Idrætsby',
      summary: '<p>Der søges om anlægsbevilling til renovering af omklædningsrummene i Ballerup Idrætsby.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 9,
      title: 'Kvalitetsstandarder for personlig pleje og praktisk hjælp 2019',
      summary:
        '<p>De årlige kvalitetsstandarder for personlig pleje og praktisk hjælp efter servicelovens § 83 forelægges til godkendelse.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 10,
      title: 'Udpegning af nyt medlem til Handicaprådet',
      summary:
        '<p>Et af Kommunalbestyrelsens medlemmer af Handicaprådet er udtrådt, og der skal udpeges et nyt medlem for resten af valgperioden.</p>',
      decidedBy: 'kb',
      decision: '<p>Godkendt. Lise Juhl Nielsen (A) blev udpeget.</p>',
    },
    {
      number: 11,
      title: 'Vedtægter for Ballerup Ungdomsråd',
      summary: '<p>Reviderede vedtægter for Ballerup Ungdomsråd forelægges til godkendelse.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 12,
      title: 'Ændring af styrelsesvedtægt for Ballerup Kommune, 2. behandling',
      summary:
        '<p>Forslag til ændring af styrelsesvedtægten forelægges til anden behandling i Kommunalbestyrelsen.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 13,
      title: 'Regulativ for husholdningsaffald 2019',
      summary: '<p>Opdateret regulativ for husholdningsaffald forelægges til endelig godkendelse efter høring.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 14,
      title: 'Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter',
      case: 'kvalitetsstandard-tildeling',
      summary:
        '<p>Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter er revideret og forelægges til godkendelse.</p>',
      background:
        '<p>Kommunalbestyrelsen skal godkende de kvalitetsstandarder, der beskriver serviceniveauet for tildeling af boliger efter almenboligloven og serviceloven. Kvalitetsstandarden har været behandlet i Social- og Sundhedsudvalget og Økonomiudvalget og har været i høring i Seniorrådet og Handicaprådet.</p>',
      casePresentation:
        '<p>Kvalitetsstandarden beskriver målgruppe, kriterier og sagsgang for tildeling af handicapegnet bolig og bolig på plejecenter, herunder plejeboliggarantien. Tildelingen varetages af Center for Social og Sundhed – Visitation og Hjælpemidler.</p><p>Høringssvarene fra Seniorrådet og Handicaprådet har ikke givet anledning til ændringer i kriterierne.</p>',
      financialText: ingenOekonomi,
      attachments: [
        { title: 'Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter', recommended: true },
        { title: 'Høringssvar fra Seniorrådet og Handicaprådet', recommended: false },
      ],
      decidedBy: 'kb',
      recommendation: {
        by: 'Center for Social og Sundhed',
        points: ['Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter godkendes.'],
      },
      decision: indstillingenGodkendt,
    },
    {
      number: 15,
      title: 'Salg af erhvervsgrund i Lautrup',
      closed: true,
      summary: '<p>Kommunalbestyrelsen skal tage stilling til et købstilbud på en kommunal erhvervsgrund.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Kommunalbestyrelsen, 22. februar 2021
// ---------------------------------------------------------------------------------------------

const oMembers = kbMembers.filter((p) => kbParty[p] === 'O');

const kb20210222: SeedMeeting = {
  key: 'kb-2021-02-22',
  committee: 'kb',
  startsAt: '2021-02-22T18:00',
  endsAt: '2021-02-22T20:45',
  location: 'Kommunalbestyrelsessalen, Ballerup Rådhus',
  status: 'minutes_published',
  attendance: attendance(kbMembers, { 'morten-dalsgaard': 'Afbud' }),
  items: [
    {
      number: 1,
      title: 'Godkendelse af dagsorden',
      summary: '<p>Kommunalbestyrelsen godkender dagsordenen for mødet.</p>',
      decidedBy: 'kb',
      decision: '<p>Godkendt</p>',
    },
    {
      number: 2,
      title: 'Meddelelser',
      kind: 'announcements',
      subPoints: [
        {
          title: 'COVID-19',
          body: '<p>Status på kommunens håndtering af COVID-19, herunder testkapacitet og vaccination af borgere på plejecentrene, er vedlagt.</p>',
          attachments: [{ title: 'Status på COVID-19 pr. 18. februar 2021', recommended: false }],
        },
      ],
      decision: tagetTilEfterretning,
    },
    {
      number: 3,
      title: 'Overførsel af uforbrugte anlægsmidler fra 2020 til 2021',
      summary: '<p>Der søges om overførsel af uforbrugte anlægsmidler fra 2020 til 2021 for projekter, der ikke er afsluttet.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 4,
      title: 'Endelig vedtagelse af lokalplan for boliger ved Hold-an Vej',
      summary: '<p>Lokalplanforslaget har været i offentlig høring og forelægges til endelig vedtagelse.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 5,
      title: 'Låneoptagelse til energirenovering af kommunale bygninger',
      summary: '<p>Der søges om godkendelse af låneoptagelse til energirenovering af kommunale bygninger i 2021.</p>',
      decidedBy: 'kb',
      decision: indstillingenGodkendt,
    },
    {
      number: 6,
      title: 'Udpegning af medlem til bestyrelsen for Ballerup Forsyning',
      summary: '<p>Der skal udpeges et nyt medlem til bestyrelsen for Ballerup Forsyning for resten af valgperioden.</p>',
      decidedBy: 'kb',
      decision: '<p>Godkendt. Thomas Vinther (A) blev udpeget.</p>',
    },
    {
      number: 7,
      title: 'Integrationspolitik for Ballerup Kommune',
      case: 'integrationsstrategi',
      summary:
        '<p>Forslag til ny Integrationspolitik for Ballerup Kommune forelægges til vedtagelse. Samtidig forelægges proces for færdiggørelse af integrationsstrategien, som skal udmønte politikken.</p>',
      background:
        '<p>Integrationspolitikken har været drøftet i fagudvalgene i januar 2021, og fagudvalgenes input er indarbejdet i forslaget. Udmøntning af politikken sker gennem en integrationsstrategi, som administrationen har lavet et udkast til.</p>',
      casePresentation:
        '<p>Idéoplægget til integrationsstrategien er bygget op om fire indsatsområder: Beskæftigelse, Uddannelse, Boligsociale indsatser og Demokratisk dannelse.</p><p>Administrationen foreslår følgende proces for færdiggørelse af integrationsstrategien:</p><ul><li>April 2021: Der gives faglige oplæg om integrationsstrategien i fagudvalgene, som giver input til den videre udvikling.</li><li>April - maj 2021: Administrationen samler input fra organisation og eksterne aktører.</li><li>Juni 2021: Forslag til integrationsstrategien fremlægges til endelig beslutning i Kommunalbestyrelsen.</li></ul>',
      financialText: ingenOekonomi,
      attachments: [
        { title: 'Forslag til Integrationspolitik for Ballerup Kommune', recommended: true },
        { title: 'Idéoplæg til integrationsstrategi', recommended: true },
        { title: 'Fagudvalgenes input til integrationsstrategien, januar 2021', recommended: false },
      ],
      decidedBy: 'kb',
      recommendation: {
        by: 'Direktør Mette Vaaben Mortensen',
        points: [
          'Integrationspolitik for Ballerup Kommune vedtages.',
          'Processen for færdiggørelse af integrationsstrategien godkendes.',
        ],
      },
      pointDecisions: [
        { point: 1, text: '<p>Godkendt.</p>' },
        { point: 2, text: '<p>Godkendt.</p>' },
      ],
      dissents: [
        {
          persons: oMembers,
          text: 'kunne ikke godkende indstillingens punkt 1.',
          point: 1,
        },
      ],
    },
    {
      number: 8,
      title: 'Godkendelse af referat (underskriftside)',
      kind: 'minutes_approval',
      decidedBy: 'kb',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Erhvervs- og Beskæftigelsesudvalget, 9. marts 2021
// ---------------------------------------------------------------------------------------------

const ebu20210309: SeedMeeting = {
  key: 'ebu-2021-03-09',
  committee: 'ebu',
  startsAt: '2021-03-09T16:00',
  endsAt: '2021-03-09T18:00',
  location: 'Mødelokale 2, Ballerup Rådhus',
  status: 'minutes_published',
  attendance: attendance(ebuMembers.map((m) => m.person)),
  items: [
    {
      number: 1,
      title: 'Meddelelser',
      kind: 'announcements',
      subPoints: [
        {
          title: 'Ledighed i Ballerup Kommune',
          body: '<p>Oversigt over udviklingen i ledigheden i Ballerup Kommune til og med januar 2021 er vedlagt.</p>',
          attachments: [{ title: 'Ledighedsstatistik januar 2021', recommended: false }],
        },
      ],
      decision: tagetTilEfterretning,
    },
    {
      number: 2,
      title: 'Beskæftigelsesplan 2021 – status',
      summary:
        '<p>Erhvervs- og Beskæftigelsesudvalget orienteres om status på målene i Beskæftigelsesplan 2021.</p>',
      financialText: ingenOekonomi,
      decidedBy: 'ebu',
      recommendation: {
        by: 'Center for Arbejdsmarked',
        points: ['Orienteringen om status på Beskæftigelsesplan 2021 tages til efterretning.'],
      },
      decision: tagetTilEfterretning,
    },
    {
      number: 3,
      title: 'Erhvervs- og Vækstpolitik 2021-2025',
      case: 'erhvervs-og-vaekstpolitik',
      summary:
        '<p>Erhvervs- og Vækstpolitikken i Ballerup Kommune har været i høring i Børne- og Skoleudvalget samt Teknik- og Miljøudvalget. Erhvervs- og Beskæftigelsesudvalget skal kommentere høringssvarene og godkende, at den tilrettede politik sendes i høring i de øvrige fagudvalg.</p>',
      background:
        '<p>Erhvervs- og Vækstpolitikken skal justeres, så den passer med de politiske målsætninger for erhvervsudviklingen i de kommende fire år. Derfor har Erhvervs- og Beskæftigelsesudvalget arbejdet med indholdet og sendt det i høring i Børne- og Skoleudvalget samt Teknik- og Miljøudvalget.</p>',
      casePresentation:
        '<p>Administrationen har tilrettet den nuværende version af politikken på baggrund af høringssvarene fra Børne- og Skoleudvalget samt Teknik- og Miljøudvalget.</p><p>Administrationen foreslår følgende tids- og procesplan:</p><ul><li>April 2021: Erhvervs- og Vækstpolitikken sendes i høring i Social- og Sundhedsudvalget, Teknik- og Miljøudvalget, Kultur- og Fritidsudvalget samt Børne- og Skoleudvalget.</li><li>Maj 2021: Erhvervs- og Vækstpolitikken behandles i Erhvervs- og Beskæftigelsesudvalget den 11. maj 2021 og i Økonomiudvalget den 25. maj 2021 inden endelig vedtagelse i Kommunalbestyrelsen den 31. maj 2021.</li></ul>',
      financialText: ingenOekonomi,
      attachments: [
        { title: 'Erhvervs- og Vækstpolitik 2021-2025 – tilrettet udkast', recommended: true },
        { title: 'Høringssvar fra Børne- og Skoleudvalget', recommended: true },
        { title: 'Høringssvar fra Teknik- og Miljøudvalget', recommended: true },
      ],
      decidedBy: 'ebu',
      recommendation: {
        by: 'Center for By, Erhverv og Miljø',
        points: [
          'Høringssvarene fra Børne- og Skoleudvalget samt Teknik- og Miljøudvalget kommenteres.',
          'Den tilrettede Erhvervs- og Vækstpolitik 2021-2025 sendes i høring i Social- og Sundhedsudvalget, Teknik- og Miljøudvalget, Kultur- og Fritidsudvalget samt Børne- og Skoleudvalget.',
          'Tids- og procesplanen godkendes.',
        ],
      },
      decision:
        '<p>Indstillingen godkendt med følgende bemærkning:</p><p>Erhvervs- og Beskæftigelsesudvalget er enige i administrationens tilretninger på baggrund af høringssvarene.</p>',
    },
    {
      number: 4,
      title: 'Godkendelse af referat (underskriftside)',
      kind: 'minutes_approval',
      decidedBy: 'ebu',
    },
  ],
};

export const earlierMeetings: SeedMeeting[] = [kb20181126, sus20200331, kb20210222, sus20210302, ebu20210309];
