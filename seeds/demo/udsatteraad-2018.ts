import type { Knex } from 'knex';
import { fromCopenhagenLocal } from '../../src/i18n/format';
import { hashPassword } from '../../src/modules/auth/password';
import { insertUser } from '../../src/modules/auth/repository';
import { boardRecipients } from '../../src/modules/boards/repository';
import { applyConstitutionRoles } from '../../src/modules/boards/service';
import { markupToHtml } from '../../src/modules/sanitize/markup';
import { sanitizeRichText } from '../../src/modules/sanitize/html';
import { DEMO_PASSWORD, insertMeeting, need, type Ids } from './load';
import type { Html, SeedAttendance, SeedItem, SeedMeeting } from './types';

/**
 * Albertslund's Udsatteråd in 2018, as its annual report (seed 004) tells it, so the report
 * the system generates for 2018 carries the seed's facts:
 *  - five meetings ("Udsatterådet har holdt fem møder i 2018"); the dates are invented: the
 *    constituting meeting on 17 April (after two substitutes withdrew on 16 April), one in June,
 *    one "primo september" (the youth strategy, as the comments of August promise), and two in
 *    the autumn (the bisidder task and the breakfast task, "besluttede i efteråret");
 *  - the constituting meeting elects chair and vice chair and decides that substitutes are
 *    invited to every meeting without a vote; almost everybody came: 15 (10 members and the
 *    5 remaining substitutes); at the next four "omkring halvdelen" (7, 8, 7 and 7);
 *  - it follows Social- og Sundhedsudvalget, Børne- og Skoleudvalget and Erhvervs- og
 *    Beskæftigelsesudvalget and sent comments to three of their meetings (20, 22 and 27 August
 *    2018; texts from the report's appendix). Those committees' meetings are plain: the items
 *    the comments name with the report's numbers and titles, the rest invented;
 *  - the introduction and two free sections of the report are taken from the seed.
 * Member names are invented (seeds/demo/albertslund.ts). The youth-strategy consultation
 * response of October 2018 is only told through the board's decision, not as a consultation.
 */

const p = (...paragraphs: string[]): Html => paragraphs.map((x) => `<p>${x}</p>`).join('');
const UR = 'alb-udsatteraad';
const RAADHUS = 'Albertslund Rådhus';

/** Demo e-mail addresses of the board's people (mails are captured in the outbox). */
const EMAILS: Record<string, string> = {
  'alb-jette-moeller': 'jette.moeller@demo.test',
  'alb-kim-andersen': 'kim.andersen@demo.test',
  'alb-tina-rasmussen': 'tina.rasmussen@demo.test',
  'alb-michael-berg': 'michael.berg@demo.test',
  'alb-john-pedersen': 'john.pedersen@demo.test',
  'alb-rene-jakobsen': 'rene.jakobsen@demo.test',
  'alb-marianne-holt': 'marianne.holt@demo.test',
  'alb-erik-skov': 'erik.skov@demo.test',
  'alb-per-holm-larsen': 'per.holm.larsen@demo.test',
  'alb-anja-frederiksen': 'anja.frederiksen@demo.test',
  'alb-lone-vestergaard': 'lone.vestergaard@demo.test',
  'alb-bente-nielsen': 'bente.nielsen@demo.test',
  'alb-allan-hansen': 'allan.hansen@demo.test',
  'alb-susanne-lund': 'susanne.lund@demo.test',
  'alb-carsten-mikkelsen': 'carsten.mikkelsen@demo.test',
  'alb-helle-jensen': 'helle.jensen@demo.test',
  'alb-ole-kristiansen': 'ole.kristiansen@demo.test',
  'alb-mette-dam': 'mette.dam@demo.test',
};

/** Demo logins for the board: its chair, and a substitute. Password "demo". */
const LOGINS = ['alb-jette-moeller', 'alb-bente-nielsen'];

// ---------- the committees' meetings the board commented on ----------

const item = (number: number, title: string, decision: string, extra: Partial<SeedItem> = {}): SeedItem => ({ number, title, decision: p(decision), ...extra });
const agendaApproval = (n: number) => item(n, 'Godkendelse af dagsorden', 'Godkendt.');

const sus = {
  key: 'alb-sus-2018-08-20',
  committee: 'alb-sus',
  startsAt: '2018-08-20T16:00',
  endsAt: '2018-08-20T18:30',
  location: RAADHUS,
  status: 'minutes_published',
  items: [
    agendaApproval(1),
    item(2, 'SUS – Budgetopfølgning pr. 30. juni 2018', 'Taget til efterretning.'),
    item(3, 'SUS/ØU/KB – Udarbejdelse af ny Sundhedspolitik 2018', 'Indstillingen godkendt.', {
      summary: p('Social- og Sundhedsudvalget skal godkende proces og sundhedspolitiske visioner for udarbejdelsen af en ny sundhedspolitik, hvor borgerne inddrages.'),
    }),
    item(4, 'SUS/BSU/ØU/KB – Ankestyrelsens statistik for 2017', 'Taget til efterretning.', {
      summary: p('Orientering om Ankestyrelsens statistik for 2017 over klager over kommunens afgørelser på det sociale område.'),
    }),
    item(5, 'SUS – Status på rusmiddelcentret', 'Taget til efterretning.'),
    item(6, 'Ansøgning om særlig støtte i en enkeltsag', 'Godkendt.', { closed: true }),
    item(7, 'SUS – Orientering fra Børn, Sundhed & Velfærd', 'Taget til efterretning.', {
      summary: p('Orienteringen omfatter blandt andet punkt D om udsættelser af lejere fra almene boliger i første halvår af 2018.'),
    }),
    item(8, 'Eventuelt', 'Intet.'),
  ],
} satisfies SeedMeeting;

const bsu = {
  key: 'alb-bsu-2018-08-22',
  committee: 'alb-bsu',
  startsAt: '2018-08-22T16:00',
  endsAt: '2018-08-22T18:00',
  location: RAADHUS,
  status: 'minutes_published',
  items: [
    agendaApproval(1),
    item(2, 'BSU/EBU/(ØU/KB) – Strategi for den kommunale ungeindsats (høring)', 'Udkast til strategi for den kommunale ungeindsats sendes i høring.'),
    item(3, 'BSU – Skolestart 2018', 'Taget til efterretning.'),
    item(4, 'BSU – Kvalitetsrapport 2017/18 for folkeskolerne', 'Indstillingen godkendt.'),
    item(5, 'BSU – Budgetopfølgning pr. 30. juni 2018', 'Taget til efterretning.'),
    item(6, 'SUS/BSU/ØU/KB – Ankestyrelsens statistik for 2017', 'Taget til efterretning.'),
    item(7, 'Eventuelt', 'Intet.'),
  ],
} satisfies SeedMeeting;

const ebu = {
  key: 'alb-ebu-2018-08-27',
  committee: 'alb-ebu',
  startsAt: '2018-08-27T16:00',
  endsAt: '2018-08-27T18:00',
  location: RAADHUS,
  status: 'minutes_published',
  items: [
    agendaApproval(1),
    item(2, 'EBU – Ny Erhvervsstrategi for Albertslund kommune', 'Indstillingen godkendt.'),
    item(3, 'EBU – Budgetopfølgning pr. 30. juni 2018', 'Taget til efterretning.'),
    item(4, 'BSU/EBU/(ØU/KB) – Strategi for den kommunale ungeindsats (høring)', 'Udkast til strategi for den kommunale ungeindsats sendes i høring.'),
    item(5, 'EBU – Beskæftigelsesplan 2019', 'Indstillingen godkendt.'),
    item(6, 'EBU – Jobcentrets samarbejde med virksomhederne', 'Taget til efterretning.'),
    item(7, 'EBU – Orientering fra By, Kultur, Miljø & Beskæftigelse', 'Taget til efterretning.', {
      summary: p('Orienteringen omfatter blandt andet kommunens arbejde med kontanthjælpsloftet og 225-timers arbejdskravet.'),
    }),
    item(8, 'Eventuelt', 'Intet.'),
  ],
} satisfies SeedMeeting;

/** The comments of the report's appendix ("Bilag: høringssvar afgivet i 2018"), by meeting#item, with when they were sent. */
const comments: Array<{ item: string; sentAt: string; text: Html }> = [
  {
    item: `${sus.key}#3`,
    sentAt: '2018-08-17T12:00',
    text: p(
      'Udsatterådet ser det som positivt at to af de fire sundhedspolitiske visioner handler om lighed i sundhed og lige muligheder og tilgængelighed. Albertslund kommune har med sin placering i kommunesocialgruppe 4 en forholdsvis stor andel af udsatte borgere. Flere forskellige undersøgelser peger på, at udsatte borgere har en markant ringere sundhed, sygelighed og livskvalitet end befolkningen generelt. Denne gruppe har typisk komplekse problemer og udfordringer både socialt og sundhedsmæssigt. Det stiller krav om et rummeligt sundhedsvæsen, hvor den enkelte borger oplever sig set og hørt, og at de oplever, at deres egen forståelse af problemer og udfordringer bliver taget alvorligt. Udsatterådet anbefaler at rapporten Susy Udsat 2017 indgår i grundlaget af aktuelt bedste viden for udarbejdelse af de kommende sundhedspolitik.',
      'Udsatterådet ser det ligeledes som positivt, at borgerne inddrages i processen med udarbejdelse af den nye sundhedspolitik. Udsatterådet anbefaler, at der gøres en særlig indsats for at også udsatte borger bliver inddraget i denne proces, og Udsatterådet stiller sig gerne til rådighed i forhold til at komme med input til dette.',
    ),
  },
  {
    item: `${sus.key}#4`,
    sentAt: '2018-08-17T12:00',
    text: p(
      'Udsatterådet bemærker at Albertslund kommunes omgørelsesprocent på det samlede sociale område er på 43 %, at det ligger over landsgennemsnittet og over to af de tre sammenlignelige kommuner. Dette er økonomisk uhensigtsmæssigt for kommunen og yderst uhensigtsmæssigt for pressede familier, som får en forkert afgørelse og samtidig skal bruge kræfter på at klage.',
      'Udsatterådet anbefaler at kommunen arbejder på at mindske antallet af forkerte afgørelser og vil fremover følge udviklingen.',
    ),
  },
  {
    item: `${sus.key}#7`,
    sentAt: '2018-08-17T12:00',
    text: p(
      'Punkt D. Udsatterådet ser det som positivt at borgere, der er varslet udsættelse ved fogedretten modtager brev med vejledning om muligheder for støtte. Ikke alle udsatte borgere er dog i stand til at forholde sig til en skriftlig henvendelse. Udsatterådet vil derfor anbefale, at kommunen overvejer, hvordan det sikres at disse borgere modtager råd og vejledning.',
      'Udsatterådet ser det som bekymrende, at Bo-Vest vurderer, at der i løbet af første halvår af 2018 er sket dobbelt så mange udsættelser som i hele 2017. Det er ligeledes bekymrende, at der i KKIK, Vognporten og Morbærhaven er sket en ændring fra to udsættelser i 2017 til 13 i første halvdel af 2018. I forhold til disse udsættelser peger Udsatterådet på, at nogle af disse kan være unge, der er droppet ud af deres uddannelse. Disse unge kan være i en udsat situation med behov for en hurtig indsats for komme videre i livet.',
      'Udsatterådet ser det som positivt, at kommunen benytter sig af en række forskellige muligheder for kontakt og støtte for udsættelsestruede borgere, der er borgere, der er boliganvist inden for det sidste år. Det er ikke muligt at se, om der er sket en stigning i denne gruppe af borgere i forhold til tidligere.',
    ),
  },
  {
    item: `${bsu.key}#2`,
    sentAt: '2018-08-20T12:00',
    text: p('Udsatterådet ser frem til at få strategien for den kommunale ungeindsats i høring og vil behandle den på førstkommende møde primo september.'),
  },
  {
    item: `${bsu.key}#6`,
    sentAt: '2018-08-20T12:00',
    text: p(
      'Udsatterådet bemærker at Albertslund kommunes omgørelsesprocent på det samlede sociale område er på 43 %, at det ligger over landsgennemsnittet og over to af de tre sammenlignelige kommuner. Dette er økonomisk uhensigtsmæssigt for kommunen og yderst uhensigtsmæssigt for pressede familier, som får en forkert afgørelse og samtidig skal bruge kræfter på at klage.',
      'Udsatterådet anbefaler at kommunen arbejder på at mindske antallet af forkerte afgørelser og vil fremover følge udviklingen.',
    ),
  },
  {
    item: `${ebu.key}#2`,
    sentAt: '2018-08-24T12:00',
    text: p(
      'Udsatterådet vil følge arbejdet med at udforme en ny Erhvervsstrategi. Rådet forventer at udsatte borgere tænkes med ind i den kommende strategi, fx ved at den nye strategi fortsat vil fremme socialøkonomiske virksomheder og at et mål vil være at fremme virksomhedernes sociale ansvar.',
    ),
  },
  {
    item: `${ebu.key}#4`,
    sentAt: '2018-08-24T12:00',
    text: p('Udsatterådet ser frem til at få strategien for den kommunale ungeindsats i høring og vil behandle den på førstkommende møde primo september.'),
  },
  {
    item: `${ebu.key}#7`,
    sentAt: '2018-08-24T12:00',
    text: p('Udsatterådet tager orienteringen til efterretning, og vil fortsat følge udviklingen af kommunens arbejde med kontanthjælpsloftet og 225-timers arbejdskravet.'),
  },
];

/** When the board was told of each agenda (a week before the meeting). */
const notices: Array<{ meeting: SeedMeeting; notifiedAt: string }> = [
  { meeting: sus, notifiedAt: '2018-08-13T09:00' },
  { meeting: bsu, notifiedAt: '2018-08-15T09:00' },
  { meeting: ebu, notifiedAt: '2018-08-20T09:00' },
];

// ---------- the board's own meetings ----------

const present = (...people: string[]): SeedAttendance[] => people.map((person) => ({ person, status: 'present' }));
const absent = (reason: string, ...people: string[]): SeedAttendance[] => people.map((person) => ({ person, status: 'absent', reason }));
const inSeat = (person: string, substituteFor: string): SeedAttendance => ({ person, status: 'substitute', substituteFor });

const MEMBERS = [
  'alb-jette-moeller',
  'alb-kim-andersen',
  'alb-tina-rasmussen',
  'alb-michael-berg',
  'alb-john-pedersen',
  'alb-marianne-holt',
  'alb-erik-skov',
  'alb-per-holm-larsen',
  'alb-anja-frederiksen',
  'alb-lone-vestergaard',
];

interface BoardMeeting extends SeedMeeting {
  /** Substitutes beside their member (present) or absent, without a vote */
  beside: Array<{ person: string; status: 'present' | 'absent'; reason?: string }>;
}

const boardMeeting = (key: string, day: string, items: SeedItem[], attendance: SeedAttendance[], beside: BoardMeeting['beside']): BoardMeeting => ({
  key,
  committee: UR,
  startsAt: `${day}T17:00`,
  endsAt: `${day}T19:00`,
  location: RAADHUS,
  status: 'minutes_published',
  attendance,
  items,
  beside,
});

const boardMeetings: BoardMeeting[] = [
  // The constituting meeting: all 10 members and the 5 remaining substitutes.
  boardMeeting(
    'alb-ur-2018-04-17',
    '2018-04-17',
    [
      item(1, 'Velkomst og præsentation', 'Rådets medlemmer og suppleanter præsenterede sig.'),
      item(2, 'Konstituering: valg af formand og næstformand', 'Rådet valgte Jette Møller som formand og Per Holm Larsen som næstformand.'),
      item(3, 'Suppleanternes deltagelse i rådets møder', 'Rådet besluttede, at suppleanter fremover inviteres til alle møder og deltager på lige fod med medlemmerne. Suppleanterne har dog ingen stemmeret.'),
      item(4, 'Forretningsorden og møder i 2018', 'Rådet tog forretningsordenen til efterretning. Flere medlemmer pegede på, at fire årlige møder er for lidt, hvis rådet skal blive effektivt. Rådet holder fem møder i 2018 og drøfter mødefrekvensen igen i efteråret.'),
    ],
    present(...MEMBERS),
    ['alb-bente-nielsen', 'alb-carsten-mikkelsen', 'alb-helle-jensen', 'alb-ole-kristiansen', 'alb-mette-dam'].map((person) => ({ person, status: 'present' as const })),
  ),
  // 6 members, Mette Dam in Anja Frederiksen's seat: 7 of 15.
  boardMeeting(
    'alb-ur-2018-06-12',
    '2018-06-12',
    [
      agendaApproval(1),
      item(2, 'Oplæg: Kommunens indsatser for hjemløse borgere', 'Rådet hørte om og drøftede indsatserne for hjemløse borgere. Rådet vil bruge den viden i vurderingen af, hvilke opgaver det er relevant for rådet at arbejde med.'),
      item(3, 'Rådets dialog med udsatte grupper', 'Rådet arbejder videre med at invitere til et offentligt møde med oplæg og diskussion om et relevant emne.'),
      item(4, 'Udvalgenes dagsordener', 'Rådet følger dagsordenerne for Social- og Sundhedsudvalget, Børne- og Skoleudvalget og Erhvervs- og Beskæftigelsesudvalget og sender kommentarer, når udvalgene behandler temaer, der vedrører rådet.'),
    ],
    [
      ...present('alb-jette-moeller', 'alb-tina-rasmussen', 'alb-john-pedersen', 'alb-marianne-holt', 'alb-per-holm-larsen', 'alb-lone-vestergaard'),
      ...absent('Afbud', 'alb-kim-andersen', 'alb-erik-skov', 'alb-anja-frederiksen'),
      ...absent('Afbud – sygdom', 'alb-michael-berg'),
      inSeat('alb-mette-dam', 'alb-anja-frederiksen'),
    ],
    [
      { person: 'alb-bente-nielsen', status: 'absent', reason: 'Afbud' },
      { person: 'alb-carsten-mikkelsen', status: 'absent', reason: 'Afbud' },
      { person: 'alb-helle-jensen', status: 'absent', reason: 'Afbud – andre aktiviteter' },
      { person: 'alb-ole-kristiansen', status: 'absent', reason: 'Afbud' },
    ],
  ),
  // 6 members, Helle Jensen in John Pedersen's seat, Bente Nielsen beside: 8 of 15.
  boardMeeting(
    'alb-ur-2018-09-04',
    '2018-09-04',
    [
      agendaApproval(1),
      item(2, 'Kommentarer til udvalgenes dagsordener i august', 'Taget til efterretning.'),
      item(3, 'Høring: Strategi for den kommunale ungeindsats', 'Rådet drøftede strategien. Sekretariatet udarbejder et udkast til høringssvar på baggrund af drøftelsen, som rådet godkender på næste møde.'),
      item(4, 'Orientering fra temadage og konferencer', 'Medlemmer, der har deltaget i arrangementer, orienterede rådet.'),
    ],
    [
      ...present('alb-jette-moeller', 'alb-tina-rasmussen', 'alb-marianne-holt', 'alb-per-holm-larsen', 'alb-anja-frederiksen', 'alb-lone-vestergaard'),
      ...absent('Afbud', 'alb-kim-andersen', 'alb-michael-berg', 'alb-erik-skov'),
      ...absent('Afbud – sygdom', 'alb-john-pedersen'),
      inSeat('alb-helle-jensen', 'alb-john-pedersen'),
    ],
    [
      { person: 'alb-bente-nielsen', status: 'present' },
      { person: 'alb-carsten-mikkelsen', status: 'absent', reason: 'Afbud' },
      { person: 'alb-ole-kristiansen', status: 'absent', reason: 'Afbud' },
      { person: 'alb-mette-dam', status: 'absent', reason: 'Afbud – andre aktiviteter' },
    ],
  ),
  // Carsten Mikkelsen withdrew on 30 September. 5 members, Bente Nielsen and Mette Dam beside: 7 of 14.
  boardMeeting(
    'alb-ur-2018-10-09',
    '2018-10-09',
    [
      agendaApproval(1),
      item(2, 'Bisidderordning for udsatte borgere', 'Rådet besluttede, at en opgave i 2019 er at undersøge behov og muligheder for at oprette et net af frivillige bisiddere.'),
      item(3, 'Høringssvar til strategien for den kommunale ungeindsats', 'Rådet godkendte sit høringssvar til »Stærke valg – unges veje til uddannelse og job i Albertslund 2018 – 2025«.'),
      item(4, 'Henvendelse fra en borger', 'Rådet drøftede henvendelsen.', { closed: true }),
    ],
    [
      ...present('alb-jette-moeller', 'alb-john-pedersen', 'alb-erik-skov', 'alb-per-holm-larsen', 'alb-anja-frederiksen'),
      ...absent('Afbud', 'alb-kim-andersen', 'alb-tina-rasmussen', 'alb-marianne-holt', 'alb-lone-vestergaard'),
      ...absent('Afbud – sygdom', 'alb-michael-berg'),
    ],
    [
      { person: 'alb-bente-nielsen', status: 'present' },
      { person: 'alb-helle-jensen', status: 'absent', reason: 'Afbud' },
      { person: 'alb-ole-kristiansen', status: 'absent', reason: 'Afbud' },
      { person: 'alb-mette-dam', status: 'present' },
    ],
  ),
  // 5 members, Helle Jensen in John Pedersen's seat, Ole Kristiansen beside: 7 of 14.
  boardMeeting(
    'alb-ur-2018-11-20',
    '2018-11-20',
    [
      agendaApproval(1),
      item(2, 'Morgenmad til alle elever på kommunens folkeskoler', 'Rådet besluttede at undersøge behovet for at oprette et tilbud med morgenmad til alle skolebørn og beder om et overslag over, hvor mange børn der spiser morgenmad i SFO’erne.'),
      item(3, 'Møder i 2019', 'Fra januar 2019 holder rådet seks årlige møder.'),
      item(4, 'Årsberetning 2018', 'Sekretariatet udarbejder et udkast til årsberetning for 2018.'),
    ],
    [
      ...present('alb-jette-moeller', 'alb-tina-rasmussen', 'alb-marianne-holt', 'alb-per-holm-larsen', 'alb-anja-frederiksen'),
      ...absent('Afbud', 'alb-kim-andersen', 'alb-erik-skov', 'alb-lone-vestergaard'),
      ...absent('Afbud – sygdom', 'alb-michael-berg', 'alb-john-pedersen'),
      inSeat('alb-helle-jensen', 'alb-john-pedersen'),
    ],
    [
      { person: 'alb-bente-nielsen', status: 'absent', reason: 'Afbud' },
      { person: 'alb-ole-kristiansen', status: 'present' },
      { person: 'alb-mette-dam', status: 'absent', reason: 'Afbud – sygdom' },
    ],
  ),
];

// ---------- the report's own texts (seed 004) ----------

const INTRODUCTION = `Kommunalbestyrelsen i Albertslund Kommune godkendte den 22. juni 2017 at nedsætte et Udsatteråd i Albertslund Kommune. Rådet blev oprettet i foråret 2018, og Rådet skal genvælges hver fjerde år.

Ifølge forretningsordenen er formålet med Udsatterådet at være talerør for lokale borgere, som er i en udsat social livssituation. Udsatterådet skal således øge muligheden for, at borgere i en socialt udsat livssituation kan komme til orde og derigennem få medindflydelse. Desuden skal Udsatterådet rådgive relevante politiske udvalg i forhold, der vedrører udsatteområdet.

Kommunalbestyrelsen godkendte den 13. marts 2018 medlemmer og suppleanter for perioden 2018-2021 og udpegede ti medlemmer og syv personlige suppleanter. Ifølge forretningsordenen er suppleanter personlige og indkaldes kun til møder, hvor det medlem, de er suppleant for, ikke kan deltage. På det første møde besluttede Rådet, at suppleanterne fremover inviteres til alle møder.`;

const SECTIONS: Array<{ heading: string; body: string }> = [
  {
    heading: 'Deltagelse i temadage, konferencer mv.',
    body: `For at holde sig orienteret om ny viden og indgå i relevante netværk har Udsatterådet prioriteret så vidt muligt at deltage i relevante arrangementer. I 2018 har Rådet deltaget i følgende:

- En fandenivoldsk aften i Albertslund. Tre medlemmer deltog.
- Rådet for Socialt Udsattes årlige dialogmøde for alle lokale udsatteråd. Tre medlemmer deltog.
- Debataften om sundhedsprofilen i Albertslund: Hvad kan vi gøre? Tre medlemmer deltog.
- Reception ved indvielse af det nye rusmiddelcenter i Albertslund. To medlemmer deltog.
- Regionalt netværksmøde for lokale udsatteråd. Tre medlemmer deltog.
- Stiftende generalforsamling for Stop Spild Albertslund. Et medlem deltog.
- Konference om bisidderordninger arrangeret af Rådet for Socialt Udsatte. Tre medlemmer deltog.`,
  },
  {
    heading: 'Erfaringer vedrørende Rådets sammensætning',
    body: `Før det første møde reagerede nogle af de udpegede suppleanter på, at de ikke var medlemmer, og enkelte trak sig. Det blev påpeget, at det som suppleant vil være vanskeligt at følge med i rådets arbejde, hvis man kun deltager i de møder, hvor det medlem, man er suppleant for, ikke deltager.

Rådet vil i 2019 arbejde for, at antallet af medlemmer øges, og at der ikke vælges suppleanter. Baggrunden for dette er dels et ønske om at ligestille mødedeltagerne, dels at sikre en højere mødedeltagelse.`,
  },
];

/**
 * The council's present term, so the demo board can follow agendas and send comments today
 * (invented: seed 004 ends in 2019). It began on 1 January 2022, with fewer substitutes as the
 * report wished; the constitution of 2018 (substitutes invited to every meeting) still applies.
 */
const CURRENT_TERM: Array<{ person: string; role: 'chair' | 'vice_chair' | 'member' | 'substitute'; party?: string; substituteFor?: string }> = [
  { person: 'alb-jette-moeller', role: 'chair' },
  { person: 'alb-per-holm-larsen', role: 'vice_chair' },
  { person: 'alb-tina-rasmussen', role: 'member' },
  { person: 'alb-john-pedersen', role: 'member' },
  { person: 'alb-marianne-holt', role: 'member', party: 'A' },
  { person: 'alb-anja-frederiksen', role: 'member' },
  { person: 'alb-lone-vestergaard', role: 'member' },
  { person: 'alb-rene-jakobsen', role: 'member' },
  { person: 'alb-bente-nielsen', role: 'substitute', substituteFor: 'alb-jette-moeller' },
  { person: 'alb-helle-jensen', role: 'substitute', substituteFor: 'alb-john-pedersen' },
  { person: 'alb-mette-dam', role: 'substitute', substituteFor: 'alb-anja-frederiksen' },
];

/** Loads Udsatterådet's 2018 into the demo (called by loadDemoData after the Albertslund organisation). */
export async function loadUdsatteraad2018(trx: Knex.Transaction, ids: Ids): Promise<void> {
  const boardId = need(ids.committees, UR, 'committee');
  const person = (key: string) => need(ids.people, key, 'person');

  for (const [key, email] of Object.entries(EMAILS)) await trx('people').where({ id: person(key) }).update({ email });
  for (const key of LOGINS) {
    const row = (await trx('people').where({ id: person(key) }).first('name', 'email')) as { name: string; email: string };
    await insertUser(trx, { email: row.email, name: row.name, passwordHash: await hashPassword(DEMO_PASSWORD), role: 'member', personId: person(key) });
  }

  for (const key of ['alb-sus', 'alb-bsu', 'alb-ebu']) {
    await trx('board_follows').insert({ board_id: boardId, committee_id: need(ids.committees, key, 'committee'), created_at: fromCopenhagenLocal('2018-06-12T19:00') });
  }

  for (const meeting of [sus, bsu, ebu]) await insertMeeting(trx, ids, meeting);
  for (const c of comments) {
    await trx('board_comments').insert({ board_id: boardId, item_id: need(ids.items, c.item, 'item'), body: sanitizeRichText(c.text), sent_at: fromCopenhagenLocal(c.sentAt), sent_by_user_id: null });
  }

  for (const meeting of boardMeetings) {
    await insertMeeting(trx, ids, meeting);
    const meetingId = (await trx('agenda_items').where({ id: need(ids.items, `${meeting.key}#1`, 'item') }).first('meeting_id')) as { meeting_id: number };
    for (const b of meeting.beside) {
      await trx('substitute_presence').insert({ meeting_id: meetingId.meeting_id, person_id: person(b.person), status: b.status, reason: b.reason ?? null });
    }
  }

  // The constituting meeting elected the chair and vice chair: Kommunalbestyrelsen appointed them as members.
  const first = boardMeetings[0] as BoardMeeting;
  const firstId = ((await trx('agenda_items').where({ id: need(ids.items, `${first.key}#1`, 'item') }).first('meeting_id')) as { meeting_id: number }).meeting_id;
  const chair = person('alb-jette-moeller');
  const viceChair = person('alb-per-holm-larsen');
  await trx('memberships').where({ committee_id: boardId }).whereIn('person_id', [chair, viceChair]).whereIn('role', ['chair', 'vice_chair']).update({ role: 'member' });
  await trx('board_constitutions').insert({
    board_id: boardId,
    meeting_id: firstId,
    chair_person_id: chair,
    vice_chair_person_id: viceChair,
    substitutes_attend_all: true,
    recorded_at: fromCopenhagenLocal('2018-04-17T19:00'),
  });
  await applyConstitutionRoles(trx, boardId, chair, viceChair, '2018-04-17');

  for (const n of notices) {
    const meetingId = ((await trx('agenda_items').where({ id: need(ids.items, `${n.meeting.key}#1`, 'item') }).first('meeting_id')) as { meeting_id: number }).meeting_id;
    const recipients = await boardRecipients(trx, boardId, n.notifiedAt.slice(0, 10));
    await trx('board_agenda_notices').insert({ board_id: boardId, meeting_id: meetingId, notified_at: fromCopenhagenLocal(n.notifiedAt), recipients: recipients.length });
  }

  for (const m of CURRENT_TERM) {
    await trx('memberships').insert({
      committee_id: boardId,
      person_id: person(m.person),
      role: m.role,
      party: m.party ?? null,
      substitute_for_person_id: m.substituteFor ? person(m.substituteFor) : null,
      voting_right: m.role !== 'substitute',
      valid_from: '2022-01-01',
      valid_to: null,
    });
  }

  const [report] = await trx('annual_reports')
    .insert({
      committee_id: boardId,
      year: 2018,
      introduction: sanitizeRichText(markupToHtml(INTRODUCTION)),
      version: 1,
      published_at: fromCopenhagenLocal('2019-04-15T09:00'),
      updated_at: fromCopenhagenLocal('2019-04-15T09:00'),
    })
    .returning('id');
  for (const [i, s] of SECTIONS.entries()) {
    await trx('annual_report_sections').insert({ report_id: (report as { id: number }).id, position: i + 1, heading: s.heading, body: sanitizeRichText(markupToHtml(s.body)) });
  }
}
