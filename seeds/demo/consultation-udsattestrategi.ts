import type { Knex } from 'knex';
import { fromCopenhagenLocal } from '../../src/i18n/format';
import { slugify } from '../../src/lib/slug';
import { buildNumbering, encodeInlineRefs } from '../../src/modules/consultations/numbering';
import { sanitizeRichText } from '../../src/modules/sanitize/html';
import { insertMeeting, need, type Ids } from './load';
import type { Html, SeedItem, SeedMeeting } from './types';

/**
 * The consultation of seed 000 on the strategy of seed 001, with Socialudvalget's
 * meetings on the case and each committee's and board's answering meeting.
 *
 * Dates follow seed 000: the consultation ran 7 October – 15 November 2022, so
 * Socialudvalget sent the draft out at its meeting of 4 October 2022 (process plan
 * seed 002 had planned that for 8 November); the summary is dated 29.11.2022 and
 * the strategy was approved at the meeting of 29 November 2022. Responses,
 * points and comments are transcribed from seed 000. Where the seed gives a board's
 * response without an item number, the number is invented (and said so below).
 *
 * Seed 000 numbers Baldersbo's three points 14.a, 15.b and 16.c and the last three
 * consultees 17-19; there are 17 consultees (6 committees, 5 boards, 6 outside
 * parties), so here Baldersbo has 14.a-c and the last three are 15-17.
 */

const TITLE = 'Plads til alle – Ballerup Kommunes strategi mod udsathed blandt voksne (2022-2029)';
const DRAFT_TITLE = 'Udkast: Plads til alle – Ballerup Kommunes strategi mod udsathed blandt voksne (2022-2029)';
const START = '2022-10-07';
const DEADLINE = '2022-11-15';
const PERIOD = '7. oktober – 15. november 2022';
const LOCATION = 'Ballerup Rådhus';

const p = (...paragraphs: string[]): Html => paragraphs.map((x) => `<p>${x}</p>`).join('');
const ul = (...items: string[]): Html => `<ul>${items.map((x) => `<li>${x}</li>`).join('')}</ul>`;

interface SeedPoint {
  text: Html;
  /** Comment HTML; "{1.c}" marks an inline reference to another point */
  comment?: Html;
  /** "Se svar under …" references, by label */
  refs?: string[];
  outcome?: 'change' | 'no_change' | 'implementation';
}

interface SeedParty {
  committee: string;
  name: string;
  /** A committee or board answers through an item on its own meeting: the decision is the response */
  meeting?: { key: string; startsAt: string; number: number; decision: Html };
  /** An outside party's written response, registered by the secretariat */
  written?: { receivedOn: string; sender?: string; text: Html };
  points: SeedPoint[];
}

const NO_CHANGE = 'Medfører ingen ændringer';
const IMPLEMENTATION = 'Det er et vigtigt opmærksomhedspunkt, der skal tages med i implementeringsfasen.';

export const consultationParties: SeedParty[] = [
  // 1-6: Politiske udvalg
  {
    committee: 'oeu',
    name: 'Økonomiudvalget',
    meeting: {
      key: 'oeu-2022-10-25',
      startsAt: '2022-10-25T16:00',
      number: 7,
      decision: p(
        'Indstillingen godkendt med følgende bemærkninger:',
        'Økonomiudvalget bemærkede, at strategien skal tydeliggøre hvilke datakilder, som strategiens indsatser vil måle på.',
        'Sammenhængen til kommunens øvrige strategier på børn- og ungeområdet skal tydeliggøres, ligesom der skal gøres en særlig indsats for den yngste del af målgruppen for udsatte-strategien.',
      ),
    },
    points: [
      {
        text: p('Økonomiudvalget bemærkede, at strategien skal tydeliggøre hvilke datakilder, som strategiens indsatser vil måle på'),
        comment: p(
          'Det er et vigtigt opmærksomhedspunkt, der skal tages med i implementeringsfasen.',
          'Det foreslås at konkrete, overordnede indsatsmål og datagrundlag udarbejdes og defineres som del af den første toårige udmøntningsplan, som administrationen arbejder på.',
        ),
        outcome: 'implementation',
      },
      {
        text: p('Sammenhængen til kommunens øvrige strategier på børne- og ungeområdet skal tydeliggøres,'),
        comment: p(
          'Kan imødekommes ved at præcisere følgende formulering på side 1, (venstre spalte): ”Børn i udsatte livssituationer omfattes af børne- og ungestrategien, og er derfor ikke udsattestrategiens målgruppe.”',
        ),
        outcome: 'change',
      },
      {
        text: p('Ligesom der skal gøres en særlig indsats for den yngste del af målgruppen for udsatte-strategien.'),
        comment: p(
          'Kan imødekommes ved at præcisere følgende formulering på side 2, (venstre spalte): ”Vi ønsker at gøre en indsats så tidligt i livet som muligt, hvorfor indsatser målrettet unge under 30 især prioriteres.”',
        ),
        outcome: 'change',
      },
    ],
  },
  {
    committee: 'ebuu',
    name: 'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget',
    meeting: {
      key: 'ebuu-2022-11-15',
      startsAt: '2022-11-15T16:00',
      number: 5,
      decision: p(
        'Indstillingen godkendt med disse bemærkninger:',
        'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget tilslutter sig Økonomiudvalgets bemærkninger om koblingen til børn- og ungeområdet, herunder børn og unge af udsatte forældre, samt behovet for at kunne følge op på og evaluere strategiens effekt.',
        'Udvalget foreslår, at overskriften ændres til Ballerup Kommunes strategi for udsathed blandt unge og voksne.',
      ),
    },
    points: [
      {
        text: p('Tilslutter sig Økonomiudvalgets bemærkninger om koblingen til børn- og ungeområdet, herunder børn og unge af udsatte forældre,'),
        refs: ['1.b', '1.c'],
        comment: p(
          'Ift. delen omkring børn af unge udsatte vurderer administrationen, at pointen er dækket i formuleringen på sida 2 (venstre spalte): ”I tillæg er der et forebyggende fokus på de unge, der er i overhængende risiko for at udvikle betydelig social udsathed inden for nærmere fremtid. Blandt andet på grund af opvækstvilkår, der kan knyttes til udsathed i voksenlivet. Herunder fokus på borgere i socialt udsathed, der selv har eller venter børn.',
        ),
        outcome: 'change',
      },
      {
        text: p('Tilslutter sig Økonomiudvalgets bemærkning om behovet for at kunne følge op på og evaluere strategiens effekt.'),
        refs: ['1.a'],
        outcome: 'implementation',
      },
      {
        text: p('Udvalget foreslår, at overskriften ændres til Ballerup Kommunes strategi for udsathed blandt unge og voksne.'),
        comment: p(
          'Den foreslåede ændring vurderes allerede at være dækket af målgruppepræciseringen på side 1 (venstre spalte). Hvis overskriften ændres, skal der overvejes, om det bliver mere præcist eller mere diffust, hvem strategien er målrettet.',
          'Der er derfor ikke ændret i strategien.',
        ),
        outcome: 'no_change',
      },
    ],
  },
  {
    committee: 'kmu',
    name: 'Klima- og Miljøudvalget',
    meeting: {
      key: 'kmu-2022-11-17',
      startsAt: '2022-11-17T16:00',
      number: 7,
      decision: p(
        'Indstillingen godkendt med disse bemærkninger:',
        'Klima- og Miljøudvalget gør opmærksom på samspillet med boligselskaberne, herunder en opfordring til bestyrelserne om en status på, hvordan strategien er behandlet samt at der skal sikres en balanceret beboersammensætning i den enkelte boligafdeling. Det bør også tydeliggøres, at udsattes problemer ofte er, at de intet netværk har. Udvalget tilslutter sig KFU’s bemærkninger om samspil med foreningerne. Endvidere bemærker udvalget, at klimaforbedrende tiltag og adfærd ofte også vil have en gavnlig økonomisk effekt på udsattes økonomiske vilkår. Endelig ønskes et øget fokus på datagrundlag for strategien.',
      ),
    },
    points: [
      {
        text: p(
          'Klima- og Miljøudvalget gør opmærksom på samspillet med boligselskaberne, herunder en opfordring til bestyrelserne om en status på, hvordan strategien er behandlet samt at der skal sikres en balanceret beboersammensætning i den enkelte boligafdeling.',
        ),
        comment: p(
          IMPLEMENTATION,
          'Boligselskabernes rolle kan samtidig trækkes yderligere frem ved at tilføje dem i opremsning af interessenter på s. 3 (grøn boks) under sammenhængende indsatser.',
        ),
        outcome: 'change',
      },
      {
        text: p('Det bør også tydeliggøres, at udsattes problemer ofte er, at de intet netværk har.'),
        comment: p(
          'Kan imødekommes ved at præcisere følgende formulering på side 4 (højre spalte): ”Flere mennesker, der lever i socialt udsathed, har intet eller spinkelt netværk og brudte eller problematiske forhold til familien. Mange slås med ensomhed og isolation.”',
        ),
        outcome: 'change',
      },
      {
        text: p('Udvalget tilslutter sig KFU’s bemærkninger om samspil med foreningerne.'),
        refs: ['4.b'],
        outcome: 'change',
      },
      {
        text: p('Endvidere bemærker udvalget, at klimaforbedrende tiltag og adfærd ofte også vil have en gavnlig økonomisk effekt på udsattes økonomiske vilkår.'),
        comment: p(IMPLEMENTATION),
        outcome: 'implementation',
      },
      {
        text: p('Endelig ønskes et øget fokus på datagrundlag for strategien.'),
        refs: ['1.a'],
        outcome: 'implementation',
      },
    ],
  },
  {
    committee: 'kfu',
    name: 'Kultur- og Fritidsudvalget',
    meeting: {
      key: 'kfu-2022-11-08',
      startsAt: '2022-11-08T17:00',
      number: 9,
      decision: p(
        'Indstillingen godkendt med disse bemærkninger:',
        'Kultur- og Fritidsudvalget ønsker, at Folkeoplysningsudvalget høres, og at der også er fokus på foreningerne, de unge og klubbernes potentiale.',
      ),
    },
    points: [
      {
        text: p('Kultur- og Fritidsudvalget ønsker, at Folkeoplysningsudvalget høres,'),
        comment: p('Er imødekommet – Folkeoplysningsudvalget er blevet inviteret til høring inden for høringsperioden.'),
        outcome: 'no_change',
      },
      {
        text: p('og at der også er fokus på foreningerne, de unge og klubbernes potentiale.'),
        comment: p(
          'Det er et vigtigt opmærksomhedspunkt, der skal tages med i implementeringsfasen',
          'Det foreslåede fokus vurderes allerede at være dækket af formuleringen ”For den yngre målgruppe har personale i klub, skole og uddannelsesinstitutioner en særlig rolle i at støtte op om den enkeltes plads og deltagelse i fællesskabet.” nederst på side 4 (højre spalte).',
          'Derudover kan tilføjes et fokus på behov for kompetenceudvikling i foreninger mfl. ved at tilføje følgende formulering: ”Blandt andet kan civilsamfund og frivillige organisationer have brug for hjælp til at oparbejde kompetencer og viden om, hvordan mennesker i social udsathed inkluderes.” på s. 4 (højre spalte, tredje afsnit).',
        ),
        outcome: 'change',
      },
    ],
  },
  {
    committee: 'saeu',
    name: 'Sundheds- og Ældreudvalget',
    meeting: {
      key: 'saeu-2022-11-15',
      startsAt: '2022-11-15T17:00',
      number: 7,
      decision: p(
        'Indstillingen godkendt med følgende bemærkninger:',
        'Udvalget tilslutter sig Økonomiudvalgets bemærkning om hvilke datakilder, der skal anvendes til opfølgning og evaluering af strategiens effekt. Udvalget anerkender strategiens fokus på den yngre del af målgruppen og anbefaler tilsvarende fokus på at sikre overgangen for de voksne udsatte til ældreområdet.',
      ),
    },
    points: [
      {
        text: p('Udvalget tilslutter sig Økonomiudvalgets bemærkning om hvilke datakilder, der skal anvendes til opfølgning og evaluering af strategiens effekt.'),
        refs: ['1.a'],
        outcome: 'implementation',
      },
      {
        text: p('Udvalget anerkender strategiens fokus på den yngre del af målgruppen og anbefaler tilsvarende fokus på at sikre overgangen for de voksne udsatte til ældreområdet.'),
        comment: p(
          'Bemærkningen kan ses som modsætning til det gennemgående ønske om at styrke fokus på prioritering af de unge i målgruppen (se kommentarerne: {1.c}, {2.a}, {2.c}, {6}, {9.b}).',
          'Derfor beslutter socialudvalget, at den ældre målgruppe ikke indgår som et øget fokus, og at aldersspændet op til pensionsalderen bibeholdes. Bevæggrunden er, at strategien skal kunne bruges som prioriteringsværktøj ift. indsatser på området. Her prioriteres en så tidlig indsats som muligt, hvorfor øget fokus på den yngre målgruppe bibeholdes.',
        ),
        outcome: 'no_change',
      },
    ],
  },
  {
    committee: 'bsu',
    name: 'Børne- og Skoleudvalget',
    meeting: {
      key: 'bsu-2022-11-08',
      startsAt: '2022-11-08T16:00',
      number: 5,
      decision: p(
        'Indstillingen godkendt med følgende bemærkninger:',
        'Børne- og Skoleudvalget ønsker, at det tydeliggøres, hvordan sammenhængen er mellem børne- og ungeområdets politikker og strategier og udsattestrategiens formål og fokus på gruppen af unge med kompleks og længerevarende udsathed.',
      ),
    },
    points: [
      {
        text: p(
          'Børne- og Skoleudvalget ønsker, at det tydeliggøres, hvordan sammenhængen er mellem børne- og ungeområdets politikker og strategier og udsattestrategiens formål og fokus på gruppen af unge med kompleks og længerevarende udsathed.',
        ),
        refs: ['1.b', '1.c'],
        outcome: 'change',
      },
    ],
  },

  // 7-11: Råd og nævn
  {
    committee: 'frivillighedsraad',
    name: 'Frivillighedsrådet',
    // Seed 000: "Frivillighedsrådet, d. 17.11" (no item number; punkt 2 is invented)
    meeting: {
      key: 'frivillighedsraad-2022-11-17',
      startsAt: '2022-11-17T19:00',
      number: 2,
      decision: p(
        'Strategien bør også omfatte udsatte borgere over 65 år. Denne aldersgruppe har et lige så stort behov for hjælp. De er en stor belastning for bl.a. Sundhedssektoren.',
        '"At være for nogen": Hvordan vil man aktivere disse fællesskaber og bør man ikke undersøge mulighederne? Som for eksempel det er sket i forbindelse med de ukrainske flygtninge.',
      ),
    },
    points: [
      {
        text: p('Strategien bør også omfatte udsatte borgere over 65 år. Denne aldersgruppe har et lige så stort behov for hjælp. De er en stor belastning for bl.a. Sundhedssektoren.'),
        refs: ['5.b'],
        outcome: 'no_change',
      },
      {
        text: p('"At være for nogen": Hvordan vil man aktivere disse fællesskaber og bør man ikke undersøge mulighederne? Som for eksempel det er sket i forbindelse med de ukrainske flygtninge.'),
        comment: p('Det er et vigtigt opmærksomhedspunkt, der skal tages med i implementeringsfasen'),
        outcome: 'implementation',
      },
    ],
  },
  {
    committee: 'handicapraad',
    name: 'Handicaprådet',
    meeting: {
      key: 'handicapraad-2022-10-27',
      startsAt: '2022-10-27T16:00',
      number: 15,
      decision: p('Indstillingen godkendt med denne bemærkning:', 'Handicaprådet bakker op om de overordnede målsætninger i Ballerup Kommunes udsattestrategi'),
    },
    points: [
      {
        text: p('Indstillingen godkendt med denne bemærkning:', 'Handicaprådet bakker op om de overordnede målsætninger i Ballerup Kommunes udsattestrategi.'),
        comment: p(NO_CHANGE),
        outcome: 'no_change',
      },
    ],
  },
  {
    committee: 'ungdomsraad',
    name: 'Ballerup Ungdomsråd',
    // Seed 000: "Ballerup Ungdomsråd, 18. november" (no item number; punkt 2 is invented)
    meeting: {
      key: 'ungdomsraad-2022-11-18',
      startsAt: '2022-11-18T16:00',
      number: 2,
      decision: p(
        'Vi har jo særligt fokus på unge og derfor er dette afsnit særligt vigtigt for os:',
        '– i samarbejde med naboer og boligforeninger. Derudover er der et særligt fokus på unge, der er i risiko for hjemløshed eller udsathed på grund af utryghed i hjemmet eller skjult hjemløshed som ”sofasover”, der overnatter hos venner og bekendte.',
      ),
    },
    points: [
      { text: p('Fin strategi.'), comment: p(NO_CHANGE), outcome: 'no_change' },
      {
        text: p(
          'Vi har jo særligt fokus på unge og derfor er dette afsnit særligt vigtigt for os: ”…i samarbejde med naboer og boligforeninger. Derudover er der et særligt fokus på unge, der er i risiko for hjemløshed eller udsathed på grund af utryghed i hjemmet eller skjult hjemløshed som ”sofasover”, der overnatter hos venner og bekendte.',
          'Dette er et problem, vi ser ofte, og ikke bare med unge fra Socialt dårligt stillede familier, men også hos familier fra de dyre kvarterer. Unge der ikke fungerer med deres travle forældre og flygter fra hjemmet, og opsøger andre fællesskaber.',
        ),
        comment: p('Det er et relevant opmærksomhedspunkt, derudover henvises til {1.c} for skærpet fokus på de yngste i målgruppen'),
        outcome: 'implementation',
      },
    ],
  },
  {
    committee: 'psykiatriraad',
    name: 'Psykiatrirådet',
    // Seed 000: "Psykiatrirådet, 17. november" (no item number; punkt 2 is invented)
    meeting: {
      key: 'psykiatriraad-2022-11-17',
      startsAt: '2022-11-17T15:00',
      number: 2,
      decision:
        p('Der er enighed om, at strategien er gennemgående velbeskrevet, nuanceret og rummer de vigtigste pointer.', 'Rådet bakker op om strategiens fokusområder:') +
        ul('At have stabile rammer om livet', 'At kunne selv', 'At være noget for nogen') +
        p(
          'Rådet kommer i den forbindelse med en opfordring til, at rammerne skal tilrettelægges således, at det er muligt for den enkelte borger at få flere chancer, såfremt borgeren ikke ønsker hjælp til at starte med (jf. strategiens ’at borgeren skal være villig til at tage imod hjælp’).',
          'Der er desuden enighed om, at der i strategien skal være mere fokus på borgere med dobbeltdiagnoser, da de som oftest falder ned mellem to stole- både i det kommunale, men også det regionale i behandlingspsykiatrien. Hertil kan det tilføjes, at strategien med fordel kan rumme et større fokus på den stigende ulighed i mental sundhed.',
          'Slutteligt værdsætter Rådet, at strategien også rummer de 16-18 årige i overgangsperioden ml. barn/ung og voksen. Det er vigtigt, at denne gruppe af borgere også medtænkes ift. en kommende strategi.',
        ),
    },
    points: [
      {
        text:
          p('Der er enighed om, at strategien er gennemgående velbeskrevet, nuanceret og rummer de vigtigste pointer.', 'Rådet bakker op om strategiens fokusområder:') +
          ul('At have stabile rammer om livet', 'At kunne selv', 'At være noget for nogen'),
        comment: p(NO_CHANGE),
        outcome: 'no_change',
      },
      {
        text: p(
          'Rådet kommer i den forbindelse med en opfordring til, at rammerne skal tilrettelægges således, at det er muligt for den enkelte borger at få flere chancer, såfremt borgeren ikke ønsker hjælp til at starte med (jf. strategiens ’at borgeren skal være villig til at tage imod hjælp’).',
        ),
        comment: p(
          'Det foreslåede fokus vurderes allerede at være nuanceret i tilpas grad i formuleringerne:',
          '”Strategien er til for de borgere, der gerne vil tage imod hjælp, når den tilbydes i et format, der tager højde for den enkeltes livssituation. En hjælp er ikke brugbar, hvis den enkelte ikke engagerer sig i selv at medvirke til at ændre egen livssituation.” (s. 2, venstre spalte)',
          'Samt:',
          '”… nogle borgere i perioder har brug for massiv støtte med særlig tilrettelagte indsatser, og i andre perioder klare sig selv og indgå som flertallet.” (s. 2, grøn boks, 2. afsnit om ”Varighed”)',
        ),
        outcome: 'no_change',
      },
      {
        text: p(
          'Der er desuden enighed om, at der i strategien skal være mere fokus på borgere med dobbeltdiagnoser, da de som oftest falder ned mellem to stole- både i det kommunale, men også det regionale i behandlingspsykiatrien.',
        ),
        comment: p(
          'Kan imødekommes ved at tilføje følgende i opremsnings af faktorer ift. ”udsathed” på s. 2, højre spalte i punktform:',
          '”Dobbeltdiagnoser – en sindslidelse og et samtidigt misbrug – der ofte forhindrer den enkelte i at blive behandlet i det ene system, før vedkommende er behandlet i det andet system”',
        ),
        outcome: 'change',
      },
      {
        text: p('Hertil kan det tilføjes, at strategien med fordel kan rumme et større fokus på den stigende ulighed i mental sundhed.'),
        comment: p(
          'Kan imødekommes ved at tilføje følgende på s. 2, højre spalte, sidste afsnit:',
          '”Samtidig er der for denne gruppe ikke i praksis lige adgang til nødvendige behandlings- eller sundhedstilbud, hvilket medfører ulighed i sundhed – det være sig den somatiske såvel som den mentale sundhed.”',
        ),
        outcome: 'change',
      },
      {
        text: p(
          'Slutteligt værdsætter Rådet, at strategien også rummer de 16-18 årige i overgangsperioden ml. barn/ung og voksen. Det er vigtigt, at denne gruppe af borgere også medtænkes ift. en kommende strategi.',
        ),
        comment: p(NO_CHANGE),
        outcome: 'no_change',
      },
    ],
  },
  {
    committee: 'folkeoplysningsudvalg',
    name: 'Folkeoplysningsudvalget',
    // Seed 000: "Folkeoplysningsudvalget, 25. november" (no item number; punkt 2 is invented)
    meeting: {
      key: 'folkeoplysningsudvalg-2022-11-25',
      startsAt: '2022-11-25T16:00',
      number: 2,
      decision: p(
        'Folkeoplysningsudvalget skal indledningsvis takke for muligheden for at udtale sig om den fremlagte strategi, hvor vi vil fokusere på de folkeoplysende foreningers mulige rolle, især i forhold til at skabe muligheder for udsatte for at indgå i fællesskaber.',
        'De folkeoplysende foreninger udgør en bred vifte af fællesskaber inden for sport, kultur, friluftsliv og folkeoplysning, hvor mange mennesker mødes om mange forskelligartede aktiviteter.',
        'Det er Folkeoplysningsudvalgets opfattelse, at der blandt disse foreninger, og her måske især blandt de større, vil være interesse og kapacitet til at bidrage i forhold til indsatsen med at inddrage udsatte i stærke fællesskaber.',
        'Det er videre Folkeoplysningsudvalgets opfattelse, at bidrag fra de folkeoplysende foreninger til sådanne fællesskaber vil kunne komme til udtryk på flere forskellige måder; dels som inddragelse i de pågældende foreningers aktiviteter, dels som inddragelse som frivillige voksne, dels i form af etablering af særlige aktiviteter for grupper af udsatte borgere i foreningens regi og dels i form af inddragelse i aktiviteter etableret af den sociale sektor.',
        'Folkeoplysningsudvalget ser et behov for en fastere struktur omkring et samarbejde om de udsatte borgere.',
        'For det første ser Folkeoplysningsudvalget et behov for en informationsindsats over for de Folkeoplysende foreninger, om behovet for inddragelse af udsatte borgere i de etablerede fællesskaber.',
        'For det andet er der behov for et oplysningsarbejde over for foreningerne i forhold til særlige krav, der måtte være i forbindelse med inddragelse af udsatte i foreningernes aktiviteter.',
        'For det tredje skal der etableres rammer for samspillet mellem de involverede foreninger og den sociale sektor. Der skal i kommunalt regi etableres faste kontaktpersoner, der kan rådgive de enkelte foreninger i forbindelse med håndtering af eventuelle udfordringer i forbindelse med arbejdet med udsatte medborgere.',
        'For det fjerde, skal der stilles midler til rådighed for eventuel supplerende uddannelse af ledere og trænere i de involverede foreninger.',
        'For det femte skal der stilles midler til rådighed for dækning af indkomsttab i forbindelse med aktiviteter, der måtte ligge inden for normal arbejdstid.',
        'Folkeoplysningsudvalget stiller sig gerne til rådighed for en yderligere dialog om rammer og indhold i et samarbejde om inddragelse af udsatte borgere i det folkeoplysende foreningsliv.',
      ),
    },
    points: [
      {
        text: p(
          'Det er Folkeoplysningsudvalgets opfattelse, at der blandt foreninger[ne], og her måske især blandt de større, vil være interesse og kapacitet til at bidrage i forhold til indsatsen med at inddrage udsatte i stærke fællesskaber.',
          '(…) dels som inddragelse i de pågældende foreningers aktiviteter, dels som inddragelse som frivillige voksne, dels i form af etablering af særlige aktiviteter for grupper af udsatte borgere i foreningens regi og dels i form af inddragelse i aktiviteter etableret af den sociale sektor.',
        ),
        comment: p(IMPLEMENTATION),
        outcome: 'implementation',
      },
      {
        text: p(
          'Folkeoplysningsudvalget ser et behov for en fastere struktur omkring et samarbejde om de udsatte borgere.',
          'For det første ser Folkeoplysningsudvalget et behov for en informationsindsats over for de Folkeoplysende foreninger, om behovet for inddragelse af udsatte borgere i de etablerede fællesskaber.',
          'For det andet er der behov for et oplysningsarbejde over for foreningerne i forhold til særlige krav, der måtte være i forbindelse med inddragelse af udsatte i foreningernes aktiviteter.',
          'For det tredje skal der etableres rammer for samspillet mellem de involverede foreninger og den sociale sektor. Der skal i kommunalt regi etableres faste kontaktpersoner, der kan rådgive de enkelte foreninger i forbindelse med håndtering af eventuelle udfordringer i forbindelse med arbejdet med udsatte medborgere.',
          'For det fjerde, skal der stilles midler til rådighed for eventuel supplerende uddannelse af ledere og trænere i de involverede foreninger.',
          'For det femte skal der stilles midler til rådighed for dækning af indkomsttab i forbindelse med aktiviteter, der måtte ligge inden for normal arbejdstid.',
          'Folkeoplysningsudvalget stiller sig gerne til rådighed for en yderligere dialog om rammer og indhold i et samarbejde om inddragelse af udsatte borgere i det folkeoplysende foreningsliv.',
        ),
        comment: p(
          'Det er alle vigtige opmærksomhedspunkter og konkrete forslag, der skal undersøges i implementeringsfasen som en del af eventuelle handleplaner fremadrettet.',
          'Samtidig noteres en stor interesse og fremstrakt hånd fra foreningerne i forhold til at indgå som samarbejdspartnere, når udsattestrategien skal udmøntes.',
          'Se i øvrigt punkt under ”Kultur- og fritidsudvalget” {4.b} for forslag til skærpet fokus i strategien.',
        ),
        outcome: 'implementation',
      },
    ],
  },

  // 12-17: Eksterne interessenter
  {
    committee: 'ext-udsatteraad-regionh',
    name: 'Udsatterådet i Region Hovedstaden',
    written: {
      receivedOn: '2022-10-28',
      sender: 'Sekretær for Udsatterådet, Region Hovedstaden',
      text: p(
        'Mange tak for muligheden for at kommentere på Ballerup Kommunes nye udsattestrategi.',
        'Jeg synes, det er blevet et overskueligt og alsidigt dokument, og jeg er glad for at se, at det somatiske sundhedsområde og samarbejde med regionen er nævnt.',
        'Socialt udsatte mennesker dør gennemsnitligt mange år før den øvrige del af befolkningen, og det skyldes ikke kun, at de ofte lever ”hårde liv”, men også at de ikke får de samme ydelser i sundhedsvæsenet. Derfor arbejder vi i Region Hovedstaden på at udvikle vores sundhedstilbud, så de i højere grad opleves tilgængelige, inkluderende og attraktive også for socialt udsatte mennesker.',
        'Det ville være fint, hvis de kommunale sundhedstilbud også var fremhævet i strategien. Kommunerne er med de nære og forebyggende sundhedstilbud og en tæt kontakt til socialt udsatte gennem fx social-, psykiatri- og arbejdsmarkedsområdet centrale, når det gælder at understøtte, at socialt udsatte mennesker oplever lettere adgang til både kommunale og regionale sundhedstilbud og opnår en bedre sundhedstilstand.',
      ),
    },
    points: [
      {
        text: p('Jeg synes, det er blevet et overskueligt og alsidigt dokument, og jeg er glad for at se, at det somatiske sundhedsområde og samarbejde med regionen er nævnt.'),
        comment: p(NO_CHANGE),
        outcome: 'no_change',
      },
      {
        text: p(
          'Det ville være fint, hvis de kommunale sundhedstilbud også var fremhævet i strategien. Kommunerne er med de nære og forebyggende sundhedstilbud og en tæt kontakt til socialt udsatte gennem fx social-, psykiatri- og arbejdsmarkedsområdet centrale, når det gælder at understøtte, at socialt udsatte mennesker oplever lettere adgang til både kommunale og regionale sundhedstilbud og opnår en bedre sundhedstilstand.',
          '*Læs uddybet kommentar nedenfor',
        ),
        comment: p(
          'Kan imødekommes ved at tilføje følgende på s. 3, højre spalte, tredje afsnit:',
          '”…behandling eller støtte, der gavner den mentale stabilitet og den fysiske sundhed. Som kommune har vi en særlig rolle, når det kommer til de nære og forebyggende sundhedstilbud, og derudover et medansvar i forhold til at understøtte en lettere adgang til sundhedstilbud i øvrigt. Vi prioriterer samarbejde med bl.a. hospitaler, psykiatri…”',
        ),
        outcome: 'change',
      },
    ],
  },
  {
    committee: 'ext-lokalpoliti-ballerup',
    name: 'Lokalpoliti Ballerup',
    written: {
      receivedOn: '2022-10-12',
      text: p('En god og inspirerende eftermiddag – har læst Udsattestrategien som jeg ikke tænker at have høringsbemærkninger til.'),
    },
    points: [
      {
        text: p('En god og inspirerende eftermiddag – har læst Udsattestrategien som jeg ikke tænker at have høringsbemærkninger til.'),
        comment: p(NO_CHANGE),
        outcome: 'no_change',
      },
    ],
  },
  {
    committee: 'ext-baldersbo',
    name: 'Baldersbo',
    written: {
      receivedOn: '2022-10-13',
      text: p(
        'Høringssvar vedr. udsatte strategi.',
        'Tak for jeres fremsendelse af forslag til udsatte strategi, som vi bifalder meget, da det er meget væsentligt at holde fokus på denne diffuse gruppe med ofte mange sammensatte problemer.<br>Som boligorganisation oplever vi -og vore beboere i særdeleshed-, resultaterne af den gode indsats og den mere mangelfulde indsats.',
        'Derfor finder, vi det også væsentligt, at Ballerup kommune nu forsøger, at udarbejde en strategi, så fokus på området styrkes.',
        'Oplægget i sin helhed er ganske sympatisk og signalerer mange gode intentioner, men vi kunne godt ønske, at man i strategien havde sat nogle mere konkrete mål og delmål op, så man på sigt har mulighed for, at holde de gode intentioner op mod en faktisk virkelighed.',
        'Som nogle af dem, som mærker de udsattes livssituation og adfærd på ”egen krop” kunne vi også ønske, at der var ofret tanker på, hvorledes Ballerup kommune ønsker samarbejdet mellem kommune og boligselskaber om håndtering af denne særlige gruppe borgere.',
        'I Baldersbo, har vi mange positive men også negative oplevelser med udsatte grupper.<br>Med vores bofællesskab i Skolehaven, har vi set hvordan tingene kan lykkes og hvordan beboerne er kommet langt i deres ændring af livet.',
        'I Eskebjerggård har vi også set, hvorledes nogle unge mennesker er kommet godt på vej i det samarbejde vi har med Ballerup kommune der, men vi ser også mange andre steder, at vi har beboere som ikke fungerer, hvor de er en belastning for naboer m.m. og hvor vi føler os på herrens mark i forhold til at få skabt tålelige forhold for de pågældende, men også for naboerne. Vi har set for mange eksempler på, hvor distrikts psykiatrien har spillet fallit og ingen tager åbenlyst ansvar for disse borgere. Ofte ved vi ikke engang, hvor vi skal rette henvendelse og ej heller om det er personer som kommunen har kendskab til.<br>Som boligselskab har vi ikke de faglige kompetencer til at håndtere lejere med komplicerede problemstillinger, men vi vil meget gerne spille med, hvis vi får muligheden herfor.',
        'Med andre ord, savner vi nogle håndgribelige mål i strategien samt nogle tanker om, hvorledes en af de vigtigste samarbejdspartnere skal, kan, bør inddrages uden nogle tanker herom risikerer jeres forslag til strategi, at blive flotte ord og gode hensigter på flot papir.',
        'Jeg håber, at dette indspark ses som et forsøg på, at få en god dialog om skabelsen af nye rammer om de mest sårbare i vores samfund.',
      ),
    },
    points: [
      {
        text: p(
          'Tak for jeres fremsendelse af forslag til udsatte strategi, som vi bifalder meget, da det er meget væsentligt at holde fokus på denne diffuse gruppe med ofte mange sammensatte problemer.<br>Som boligorganisation oplever vi -og vore beboere i særdeleshed-, resultaterne af den gode indsats og den mere mangelfulde indsats.',
          'Derfor finder, vi det også væsentligt, at Ballerup kommune nu forsøger, at udarbejde en strategi, så fokus på området styrkes.',
        ),
        comment: p(NO_CHANGE),
        outcome: 'no_change',
      },
      {
        text: p('Med andre ord, savner vi nogle håndgribelige mål i strategien…', '* Læs uddybet kommentar nedenfor'),
        refs: ['1.a'],
        outcome: 'implementation',
      },
      {
        text: p(
          '…samt nogle tanker om, hvorledes en af de vigtigste samarbejdspartnere skal, kan, bør inddrages uden nogle tanker herom risikerer jeres forslag til strategi, at blive flotte ord og gode hensigter på flot papir.',
          '*Læs uddybet kommentar nedenfor',
        ),
        refs: ['3.a'],
        comment: p('Derudover er inddragelse af samarbejdspartnere et vigtigt opmærksomhedspunkt, der skal tages med i implementeringsfasen.'),
        outcome: 'implementation',
      },
    ],
  },
  { committee: 'ext-ballerup-boligselskab', name: 'Ballerup Boligselskab', points: [] },
  { committee: 'ext-grantoften', name: 'Grantoften', points: [] },
  { committee: 'ext-psykiatri', name: 'Region Hovedstadens Psykiatri', points: [] },
];

const itemTitle = `Høring: ${TITLE}`;

/**
 * Punkt 1 of every meeting here. The demo holds only the items on the strategy case, so
 * where seed 000 names a later item ("punkt 7") the numbers in between are not in the demo.
 */
const agendaApproval: SeedItem = { number: 1, title: 'Godkendelse af dagsorden', decision: p('Godkendt.') };

/** A consultee's answering meeting: one item on the case with the draft attached; the decision is the response. */
function answeringMeeting(party: SeedParty): SeedMeeting | null {
  if (!party.meeting) return null;
  const m = party.meeting;
  return {
    key: m.key,
    committee: party.committee,
    startsAt: m.startsAt,
    location: LOCATION,
    status: 'minutes_published',
    items: [
      agendaApproval,
      {
        number: m.number,
        title: itemTitle,
        case: 'udsattestrategi',
        summary: p(`Socialudvalget har sendt ${TITLE} i høring hos ${party.name}. Høringsperioden er ${PERIOD}.`),
        attachments: [{ title: DRAFT_TITLE, recommended: true }],
        decidedBy: party.committee,
        recommendation: { by: 'Administrationen', points: [p(`${party.name} afgiver eventuelle bemærkninger til udkastet som høringssvar.`)] },
        decision: m.decision,
      },
    ],
  };
}

/** Socialudvalget's meetings on the strategy (seed 002's plan as it was carried out). */
const socialCommitteeMeetings: SeedMeeting[] = [
  {
    key: 'sou-2022-05-31',
    committee: 'sou',
    startsAt: '2022-05-31T16:00',
    location: LOCATION,
    status: 'minutes_published',
    items: [
      agendaApproval,
      {
        number: 2,
        title: 'Strategi mod udsathed blandt voksne – opsamling på seminar og forslag til proces',
        case: 'udsattestrategi',
        summary: p(
          'Socialudvalget drøftede på seminaret den 20.-21. maj 2022, hvem strategien er for, og hvilke fokusområder den skal have. Administrationen har samlet pointerne op og foreslår en proces med involvering af relevante interessenter.',
        ),
        background: p(
          'Ballerup Kommune skal ifølge Budget 2021 punkt 1.4.2. udarbejde forslag til en strategi for udsatte borgere med fokus på, hvordan der kan sikres helhed og sammenhæng i indsatserne på tværs af de kommunale områder og i samarbejde med regionen og andre lokale aktører. Strategien for hjemløse indarbejdes i strategien, jf. Budget 2022 punkt 1.3.5.',
        ),
        decidedBy: 'sou',
        recommendation: {
          by: 'Center for Social Service',
          points: [p('Administrationens opsamling på pointer fra seminaret drøftes og justeres.'), p('Forslag til proces med involvering af relevante interessenter drøftes og justeres.')],
        },
        decision: p('Drøftet.'),
      },
    ],
  },
  {
    key: 'sou-2022-10-04',
    committee: 'sou',
    startsAt: '2022-10-04T16:00',
    location: LOCATION,
    status: 'minutes_published',
    items: [
      agendaApproval,
      {
        number: 2,
        title: 'Plads til alle – udkast til strategi mod udsathed blandt voksne, høring',
        case: 'udsattestrategi',
        summary: p(
          'Første udkast til den samlede strategi forelægges med henblik på, at det sendes i høring i de politiske udvalg, råd og nævn samt hos eksterne interessenter.',
        ),
        casePresentation: p(
          'Udkastet beskriver vision, kerneværdier, målgruppe, indsatsområder og udviklingsmål. Strategien er først og fremmest målrettet borgere i alderen 16-65 år, der aktuelt befinder sig i en sårbar situation med komplekse sociale problemer, som har en vis varighed.',
          `Høringsperioden foreslås at være ${PERIOD}. Høringssvarene samles i et høringsnotat med administrationens kommentarer, som forelægges sammen med strategien til endelig godkendelse.`,
        ),
        financialText: p('Ingen økonomiske konsekvenser'),
        attachments: [{ title: DRAFT_TITLE, recommended: true }],
        decidedBy: 'sou',
        recommendation: {
          by: 'Center for Social Service',
          points: [p(`Udkast til strategien godkendes og sendes i høring i perioden ${PERIOD} hos de politiske udvalg, råd og nævn samt eksterne interessenter.`)],
        },
        decision: p('Indstillingen godkendt.'),
      },
    ],
  },
  {
    key: 'sou-2022-11-29',
    committee: 'sou',
    startsAt: '2022-11-29T16:00',
    location: LOCATION,
    status: 'minutes_published',
    items: [
      agendaApproval,
      {
        number: 2,
        title: 'Plads til alle – strategi mod udsathed blandt voksne, endelig godkendelse',
        case: 'udsattestrategi',
        summary: p('Strategien forelægges til endelig godkendelse efter høringen, sammen med høringsnotatet med administrationens kommentarer og ændringsforslag til hvert høringssvar.'),
        casePresentation: p(
          `Strategien har været i høring i perioden ${PERIOD} hos seks politiske udvalg, fem råd og nævn og seks eksterne interessenter. Der er modtaget 14 høringssvar; enkelte har bedt om at indgive høringssvar senere end fristen.`,
          'Administrationen har delt svarene op i pointer og foreslår ændringer i strategien, hvor det er anført i høringsnotatet.',
        ),
        financialText: p('Ingen økonomiske konsekvenser'),
        attachments: [
          { title: 'Høringsnotat: Opsamling af høringssvar', recommended: true },
          { title: TITLE, recommended: true },
        ],
        decidedBy: 'sou',
        recommendation: {
          by: 'Center for Social Service',
          points: [p('Høringsnotatet tages til efterretning.'), p('Strategien godkendes med de ændringer, som administrationen foreslår i høringsnotatet.')],
        },
        decision: p(
          'Indstillingen godkendt.',
          'Udvalget besluttede, at den ældre målgruppe ikke indgår som et øget fokus, og at aldersspændet op til pensionsalderen bibeholdes.',
        ),
      },
    ],
  },
];

/** Every 2022 meeting of the demo consultation, oldest first. */
export function udsatteMeetings(): SeedMeeting[] {
  return [...socialCommitteeMeetings, ...consultationParties.map(answeringMeeting).filter((m): m is SeedMeeting => m !== null)].sort((a, b) =>
    a.startsAt.localeCompare(b.startsAt),
  );
}

/**
 * Writes the meetings (approved and published as the other past meetings are) and
 * then the consultation, its 17 consultees, the written responses and the summary.
 */
export async function loadUdsatteConsultation(trx: Knex.Transaction, ids: Ids, _today: Date): Promise<void> {
  for (const meeting of udsatteMeetings()) await insertMeeting(trx, ids, meeting);

  const originItemId = need(ids.items, 'sou-2022-10-04#2', 'item');
  const draft = await trx('attachments').where({ item_id: originItemId, title: DRAFT_TITLE }).first('id');
  const [row] = await trx('consultations')
    .insert({
      item_id: originItemId,
      case_id: need(ids.cases, 'udsattestrategi', 'case'),
      slug: slugify(TITLE).slice(0, 80).replace(/-+$/, ''),
      title: TITLE,
      cover_text: sanitizeRichText(
        p(
          'Socialudvalget sender hermed udkast til Ballerup Kommunes strategi mod udsathed blandt voksne i høring. Strategien sætter en retning for arbejdet med de borgere, der er i de mest socialt udsatte livssituationer, og er en fremstrakt hånd til et samarbejde med borgere, region, politi, boligforeninger, frivillige og civilsamfund.',
          'Vi hører gerne jeres bemærkninger til strategiens målgruppe, fokusområder og udviklingsmål.',
        ),
      ),
      draft_attachment_id: draft?.id ?? null,
      starts_on: START,
      deadline: DEADLINE,
      grace_days: 7,
      summary_intro: sanitizeRichText(p('Enkelte høringsparter har bedt om at indgive høringssvar senere end fristen; deres svar er taget med.')),
      summary_published_at: fromCopenhagenLocal('2022-11-29T09:00'),
      created_at: fromCopenhagenLocal(`${START}T09:00`),
    })
    .returning('id');
  const consultationId = (row as { id: number }).id;

  const partyIds: number[] = [];
  const pointIds: number[][] = [];
  for (const [i, party] of consultationParties.entries()) {
    const committeeId = need(ids.committees, party.committee, 'committee');
    const contact = (await trx('committees').where({ id: committeeId }).first('contact_email')) as { contact_email: string | null };
    const written = party.written;
    const [partyRow] = await trx('consultation_parties')
      .insert({
        consultation_id: consultationId,
        committee_id: committeeId,
        position: i + 1,
        item_id: party.meeting ? need(ids.items, `${party.meeting.key}#${party.meeting.number}`, 'item') : null,
        contact_email: contact.contact_email,
        // The invitations of 2022 went out by ordinary mail, before Mødebog: no private links.
        invited_at: fromCopenhagenLocal(`${START}T09:00`),
        response_text: written ? sanitizeRichText(written.text) : null,
        response_sender: written?.sender ?? null,
        response_received_at: written ? fromCopenhagenLocal(`${written.receivedOn}T12:00`) : null,
        response_source: written ? 'registered' : null,
      })
      .returning('id');
    const partyId = (partyRow as { id: number }).id;
    partyIds.push(partyId);
    const mine: number[] = [];
    for (const [j, point] of party.points.entries()) {
      const [pointRow] = await trx('consultation_points')
        .insert({ consultation_id: consultationId, party_id: partyId, position: j + 1, text: sanitizeRichText(point.text), comment: null, outcome: point.outcome ?? null })
        .returning('id');
      mine.push((pointRow as { id: number }).id);
    }
    pointIds.push(mine);
  }

  // References are resolved by the numbering they are written in, then stored by id.
  const numbering = buildNumbering(consultationParties.map((party, i) => ({ id: partyIds[i] as number, name: party.name, pointIds: pointIds[i] as number[] })));
  for (const [i, party] of consultationParties.entries()) {
    for (const [j, point] of party.points.entries()) {
      const pointId = (pointIds[i] as number[])[j] as number;
      if (point.comment) {
        const encoded = encodeInlineRefs(point.comment, numbering);
        if (encoded.unknown.length > 0) throw new Error(`Demo data: unknown reference ${encoded.unknown.join(', ')}`);
        await trx('consultation_points').where({ id: pointId }).update({ comment: sanitizeRichText(encoded.text) });
      }
      for (const [k, label] of (point.refs ?? []).entries()) {
        const target = numbering.pointOf(label);
        if (target === undefined) throw new Error(`Demo data: unknown point ${label}`);
        await trx('consultation_point_refs').insert({ point_id: pointId, target_point_id: target, position: k + 1 });
      }
    }
  }
}
