import { addDays } from 'date-fns/addDays';
import { getDay } from 'date-fns/getDay';
import { formatIsoDate } from '../../src/i18n/format';
import type { SeedMeeting } from './types';

/** The next Tuesday at least two weeks after the day the demo data loads, so the meeting stays upcoming. */
export function upcomingTuesday(today: Date): string {
  let day = addDays(today, 14);
  while (getDay(day) !== 2) day = addDays(day, 1);
  return formatIsoDate(day);
}

/** An upcoming meeting of Social- og Sundhedsudvalget with a published agenda and one closed item. */
export function upcomingSusMeeting(today: Date): SeedMeeting {
  const date = upcomingTuesday(today);
  return {
    key: 'sus-upcoming',
    committee: 'sus',
    startsAt: `${date}T16:00`,
    endsAt: `${date}T18:00`,
    location: 'Mødelokale 1, Ballerup Rådhus',
    status: 'agenda_published',
    items: [
      {
        number: 1,
        title: 'Meddelelser',
        kind: 'announcements',
        subPoints: [
          {
            body: '<p>Oversigt over beboer- og pårørendemøder på Ballerup Kommunes plejecentre i det kommende halvår er vedlagt.</p>',
            attachments: [{ title: 'Oversigt over beboer- og pårørendemøder', recommended: false }],
          },
        ],
      },
      {
        number: 2,
        title: 'Plads til alle – strategi mod udsathed blandt voksne, høring',
        case: 'udsattestrategi',
        summary:
          '<p>Udkast til Ballerup Kommunes strategi mod udsathed blandt voksne forelægges med henblik på, at det sendes i høring i de politiske udvalg, råd og nævn samt hos eksterne interessenter.</p>',
        background:
          '<p>Strategien udarbejdes efter budgetaftalen og den procesplan, som udvalget har godkendt. Strategien for hjemløse indarbejdes i strategien.</p>',
        casePresentation:
          '<p>Udkastet beskriver vision, målgruppe, indsatsområder og udviklingsmål. Høringsperioden foreslås at løbe i seks uger.</p>',
        financialText: '<p>Ingen økonomiske konsekvenser</p>',
        attachments: [{ title: 'Udkast: Plads til alle – Ballerup Kommunes strategi mod udsathed blandt voksne', recommended: true }],
        decidedBy: 'sus',
        recommendation: {
          by: 'Center for Social Service',
          points: ['<p>Udkast til strategi mod udsathed blandt voksne godkendes og sendes i høring.</p>'],
        },
      },
      {
        number: 3,
        title: 'Køb af ejendommen Lindevej 12',
        closed: true,
        case: 'lindevej-12',
        summary: '<p>Administrationen forelægger et tilbud om køb af ejendommen Lindevej 12 til brug for et nyt botilbud.</p>',
        casePresentation:
          '<p>Sælger har accepteret en købesum på 14,5 mio. kr. for ejendommen Lindevej 12. Ejendommen kan indrettes til otte boliger efter servicelovens § 108.</p>',
        financialText: '<p>Købesummen på 14,5 mio. kr. finansieres af anlægsrammen for boliger til voksne med særlige behov.</p>',
        attachments: [{ title: 'Købsaftale, Lindevej 12', recommended: true, public: false }],
        decidedBy: 'kb',
        recommendation: {
          by: 'Center for Ejendomme',
          points: ['<p>Ejendommen Lindevej 12 købes for 14,5 mio. kr.</p>'],
        },
      },
      {
        number: 4,
        title: 'Godkendelse af referat (underskriftside)',
        kind: 'minutes_approval',
        decidedBy: 'sus',
      },
    ],
  };
}
