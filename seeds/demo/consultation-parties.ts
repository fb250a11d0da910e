import type { MembershipRole, SeedCommittee, SeedMembership, SeedPerson } from './types';

/**
 * The consultees of seed 000 ("Plads til alle – Ballerup Kommunes strategi mod udsathed blandt
 * voksne (2022-2029)", høringsperiode 7. oktober - 15. november 2022), in the seed's order:
 *
 *   1-6   political committees of Ballerup's 2022 term: Økonomiudvalget ('oeu', reused from
 *         organisation.ts), Erhvervs-, Beskæftigelses- og Uddannelsesudvalget, Klima- og Miljøudvalget,
 *         Kultur- og Fritidsudvalget ('kfu', reused), Sundheds- og Ældreudvalget, Børne- og
 *         Skoleudvalget ('bsu', reused)
 *   7-11  råd og nævn: Frivillighedsrådet, Handicaprådet, Ballerup Ungdomsråd, Psykiatrirådet,
 *         Folkeoplysningsudvalget
 *   12-19 outside parties: Udsatterådet i Region Hovedstaden (answered by its secretary),
 *         Lokalpoliti Ballerup, Baldersbo (whose points the seed numbers 14-16), Ballerup
 *         Boligselskab, Grantoften and "Psykiatri" (the last three: "Intet høringssvar modtaget")
 *
 * plus Socialudvalget, the committee that owns the strategy (seed 000 5.b, seed 002).
 * Members are invented; the term starts 2022-01-01 and is open-ended here.
 */

export const consultationCommittees: SeedCommittee[] = [
  // Political committees, term 2022-
  { key: 'sou', body: 'ballerup', kind: 'committee', name: 'Socialudvalget', shortName: 'SOU' },
  {
    key: 'ebuu',
    body: 'ballerup',
    kind: 'committee',
    name: 'Erhvervs-, Beskæftigelses- og Uddannelsesudvalget',
    shortName: 'EBUU',
  },
  { key: 'kmu', body: 'ballerup', kind: 'committee', name: 'Klima- og Miljøudvalget', shortName: 'KMU' },
  { key: 'saeu', body: 'ballerup', kind: 'committee', name: 'Sundheds- og Ældreudvalget', shortName: 'SÆU' },

  // Råd og nævn (seed 000, 7-11)
  { key: 'frivillighedsraad', body: 'ballerup', kind: 'advisory_board', name: 'Frivillighedsrådet' },
  { key: 'handicapraad', body: 'ballerup', kind: 'advisory_board', name: 'Handicaprådet' },
  { key: 'ungdomsraad', body: 'ballerup', kind: 'advisory_board', name: 'Ballerup Ungdomsråd' },
  { key: 'psykiatriraad', body: 'ballerup', kind: 'advisory_board', name: 'Psykiatrirådet' },
  { key: 'folkeoplysningsudvalg', body: 'ballerup', kind: 'advisory_board', name: 'Folkeoplysningsudvalget' },

  // Outside parties (seed 000, 12-19). Contact addresses are invented and kept on demo.test.
  {
    key: 'ext-udsatteraad-regionh',
    body: 'ballerup',
    kind: 'external_party',
    name: 'Udsatterådet i Region Hovedstaden',
    contactEmail: 'hoering@udsatteraad-regionh.demo.test',
  },
  {
    key: 'ext-lokalpoliti-ballerup',
    body: 'ballerup',
    kind: 'external_party',
    name: 'Lokalpoliti Ballerup',
    contactEmail: 'hoering@lokalpoliti-ballerup.demo.test',
  },
  {
    key: 'ext-baldersbo',
    body: 'ballerup',
    kind: 'external_party',
    name: 'Baldersbo',
    contactEmail: 'hoering@baldersbo.demo.test',
  },
  {
    key: 'ext-ballerup-boligselskab',
    body: 'ballerup',
    kind: 'external_party',
    name: 'Ballerup Boligselskab',
    contactEmail: 'hoering@ballerup-boligselskab.demo.test',
  },
  {
    key: 'ext-grantoften',
    body: 'ballerup',
    kind: 'external_party',
    name: 'Grantoften',
    contactEmail: 'hoering@grantoften.demo.test',
  },
  {
    // The seed heads point 19 only "Psykiatri"; named here as the regional psychiatry.
    key: 'ext-psykiatri',
    body: 'ballerup',
    kind: 'external_party',
    name: 'Region Hovedstadens Psykiatri',
    contactEmail: 'hoering@psykiatri-regionh.demo.test',
  },
];

export const consultationPeople: SeedPerson[] = [
  // Members of Kommunalbestyrelsen, term 2022-
  { key: 'anders-lykkegaard', body: 'ballerup', name: 'Anders Lykkegaard' }, // borgmester
  { key: 'camilla-brink', body: 'ballerup', name: 'Camilla Brink' },
  { key: 'martin-hougaard', body: 'ballerup', name: 'Martin Hougaard' },
  { key: 'louise-bech', body: 'ballerup', name: 'Louise Bech' },
  { key: 'henrik-storm', body: 'ballerup', name: 'Henrik Storm' },
  { key: 'nina-hvid', body: 'ballerup', name: 'Nina Hvid' },
  { key: 'jesper-lindholm', body: 'ballerup', name: 'Jesper Lindholm' },
  { key: 'maja-holmgaard', body: 'ballerup', name: 'Maja Holmgaard' },
  { key: 'kasper-ravn', body: 'ballerup', name: 'Kasper Ravn' },
  { key: 'tina-skovgaard', body: 'ballerup', name: 'Tina Skovgaard' },
  { key: 'ole-brandt', body: 'ballerup', name: 'Ole Brandt' },
  { key: 'sanne-wulff', body: 'ballerup', name: 'Sanne Wulff' },
  { key: 'rasmus-ebbesen', body: 'ballerup', name: 'Rasmus Ebbesen' },
  { key: 'dorthe-lauritsen', body: 'ballerup', name: 'Dorthe Lauritsen' },
  // Members of the boards who are not politicians
  { key: 'inge-lauridsen', body: 'ballerup', name: 'Inge Lauridsen' },
  { key: 'poul-erik-andersen', body: 'ballerup', name: 'Poul Erik Andersen' },
  { key: 'gitte-toft', body: 'ballerup', name: 'Gitte Toft' },
  { key: 'kirsten-mogensen', body: 'ballerup', name: 'Kirsten Mogensen' },
  { key: 'joergen-brask', body: 'ballerup', name: 'Jørgen Brask' },
  { key: 'emil-frost', body: 'ballerup', name: 'Emil Frost' },
  { key: 'sara-lykke-jensen', body: 'ballerup', name: 'Sara Lykke Jensen' },
  { key: 'oliver-hald', body: 'ballerup', name: 'Oliver Hald' },
  { key: 'freja-munk', body: 'ballerup', name: 'Freja Munk' },
  { key: 'lars-bundgaard', body: 'ballerup', name: 'Lars Bundgaard' },
  { key: 'bente-kragh', body: 'ballerup', name: 'Bente Kragh' },
  { key: 'carsten-eriksen', body: 'ballerup', name: 'Carsten Eriksen' },
  { key: 'pia-noergaard', body: 'ballerup', name: 'Pia Nørgaard' },
  { key: 'michael-juul', body: 'ballerup', name: 'Michael Juul' },
];

/** Party of the politicians, term 2022- */
const party: Record<string, string> = {
  'anders-lykkegaard': 'A',
  'camilla-brink': 'A',
  'martin-hougaard': 'V',
  'louise-bech': 'A',
  'henrik-storm': 'O',
  'nina-hvid': 'Ø',
  'jesper-lindholm': 'C',
  'maja-holmgaard': 'F',
  'kasper-ravn': 'A',
  'tina-skovgaard': 'V',
  'ole-brandt': 'A',
  'sanne-wulff': 'B',
  'rasmus-ebbesen': 'A',
  'dorthe-lauritsen': 'V',
};

const seats: Array<[committee: string, person: string, role: MembershipRole]> = [
  // 1. Økonomiudvalget (reused key 'oeu'; these are its 2022 members)
  ['oeu', 'anders-lykkegaard', 'chair'],
  ['oeu', 'martin-hougaard', 'vice_chair'],
  ['oeu', 'camilla-brink', 'member'],
  ['oeu', 'henrik-storm', 'member'],
  ['oeu', 'nina-hvid', 'member'],
  // 2. Erhvervs-, Beskæftigelses- og Uddannelsesudvalget
  ['ebuu', 'rasmus-ebbesen', 'chair'],
  ['ebuu', 'martin-hougaard', 'vice_chair'],
  ['ebuu', 'jesper-lindholm', 'member'],
  ['ebuu', 'kasper-ravn', 'member'],
  // 3. Klima- og Miljøudvalget
  ['kmu', 'maja-holmgaard', 'chair'],
  ['kmu', 'dorthe-lauritsen', 'vice_chair'],
  ['kmu', 'ole-brandt', 'member'],
  ['kmu', 'sanne-wulff', 'member'],
  // 4. Kultur- og Fritidsudvalget (reused key 'kfu')
  ['kfu', 'kasper-ravn', 'chair'],
  ['kfu', 'tina-skovgaard', 'vice_chair'],
  ['kfu', 'rasmus-ebbesen', 'member'],
  // 5. Sundheds- og Ældreudvalget
  ['saeu', 'ole-brandt', 'chair'],
  ['saeu', 'tina-skovgaard', 'vice_chair'],
  ['saeu', 'sanne-wulff', 'member'],
  ['saeu', 'nina-hvid', 'member'],
  // 6. Børne- og Skoleudvalget (reused key 'bsu')
  ['bsu', 'louise-bech', 'chair'],
  ['bsu', 'jesper-lindholm', 'vice_chair'],
  ['bsu', 'nina-hvid', 'member'],
  // Socialudvalget (owner of the strategy)
  ['sou', 'camilla-brink', 'chair'],
  ['sou', 'dorthe-lauritsen', 'vice_chair'],
  ['sou', 'louise-bech', 'member'],
  ['sou', 'maja-holmgaard', 'member'],
  ['sou', 'henrik-storm', 'member'],
  // 7. Frivillighedsrådet
  ['frivillighedsraad', 'inge-lauridsen', 'chair'],
  ['frivillighedsraad', 'poul-erik-andersen', 'vice_chair'],
  ['frivillighedsraad', 'gitte-toft', 'member'],
  ['frivillighedsraad', 'louise-bech', 'member'],
  // 8. Handicaprådet
  ['handicapraad', 'kirsten-mogensen', 'chair'],
  ['handicapraad', 'nina-hvid', 'vice_chair'],
  ['handicapraad', 'joergen-brask', 'member'],
  ['handicapraad', 'martin-hougaard', 'member'],
  // 9. Ballerup Ungdomsråd
  ['ungdomsraad', 'emil-frost', 'chair'],
  ['ungdomsraad', 'sara-lykke-jensen', 'vice_chair'],
  ['ungdomsraad', 'oliver-hald', 'member'],
  ['ungdomsraad', 'freja-munk', 'member'],
  // 10. Psykiatrirådet
  ['psykiatriraad', 'lars-bundgaard', 'chair'],
  ['psykiatriraad', 'henrik-storm', 'vice_chair'],
  ['psykiatriraad', 'bente-kragh', 'member'],
  ['psykiatriraad', 'maja-holmgaard', 'member'],
  // 11. Folkeoplysningsudvalget
  ['folkeoplysningsudvalg', 'carsten-eriksen', 'chair'],
  ['folkeoplysningsudvalg', 'kasper-ravn', 'vice_chair'],
  ['folkeoplysningsudvalg', 'pia-noergaard', 'member'],
  ['folkeoplysningsudvalg', 'michael-juul', 'member'],
];

export const consultationMemberships: SeedMembership[] = seats.map(([committee, person, role]) => {
  const m: SeedMembership = { committee, person, role, from: '2022-01-01' };
  if (party[person]) m.party = party[person];
  return m;
});
