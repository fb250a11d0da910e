import type { SeedItem } from './types';

/** Social- og Sundhedsudvalget, 6. april 2021: punkt 1-8 (transcribed from seed 003). */
export const susItems1to8: SeedItem[] = [
  {
    number: 1,
    title: 'Meddelelser',
    kind: 'announcements',
    subPoints: [
      {
        body: '<p>Oversigt over beboer- og pårørendemøder på Ballerup Kommunes plejecentre i 2021 er vedlagt.</p>',
        attachments: [
          { title: 'Oversigt over beboer- og pårørendemøder på plejecentrene i 2021', recommended: false },
        ],
      },
      {
        body: '<p>Styrelsen for Patientsikkerhed har den 9. marts 2021 ophævet besøgsrestriktionerne på Plejecenter Rosenhaven. 83 pct. af beboerne var på det tidspunkt færdigvaccineret mod COVID-19 for mere end en uge siden, hvorfor fuld effekt af vaccinen antages at være indtrådt.</p>',
        attachments: [
          { title: 'Ophævelse af besøgsrestriktioner på Plejecenter Rosenhaven', recommended: false },
        ],
      },
      {
        body: '<p>Brydehuset anvender lokaler på Parken 1, grundet overholdelse af covid-restriktioner.</p><p>For at imødekomme et stigende behov for forebyggende gruppe- og undervisningsaktiviteter rettet mod Ballerup Kommunes borgere med sociale og psykiske udfordringer vil Brydehuset – Parkvej tage et par store lokaler i Parken i brug. Parken er aktuelt ikke i brug, og netop størrelsen på lokalerne gør det muligt at overholde afstandskrav. Lokalerne tages i brug efter påske, og de bruges på sådan en måde, at vi kan forlade dem igen, hvis der skulle opstå en situation i kommunen som gør det nødvendigt.</p>',
      },
      {
        body: '<p>Ansøgning om oprettelse af 20 stk. § 103 pladser på Ungdomsuddannelsescenter Maglemosen. Sagen har været behandlet i Kommunalbestyrelsen den 22. marts 2021 punkt 10.</p>',
        attachments: [
          { title: 'Ansøgning om oprettelse af 20 stk. § 103 pladser på Ungdomsuddannelsescenter Maglemosen', recommended: true },
        ],
      },
      {
        title: 'Stiforbindelse fra Banegårdspladsen til Rolighedsvej',
        body: '<p>Den eksisterende stiforbindelse fra Ballerup Station og Banegårdspladsen langs jernbanen, til Aktiv Center Ballerup på Rolighedvej, opleves mørk og utryg. Da en borger i 2020 blev overfaldet på stien, blev der foretaget akutte tiltag som eksempelvis beskæring af beplantning for at øge oversigtsforholdene og tilføjelse af enkelte belysningsarmaturer. Administrationen har efterfølgende udarbejdet et oplæg til forbedring og reetablering af stiforbindelsen fra Banegårdspladsen og til Aktiv Center Ballerup på Rolighedvej samt forbedring af belysningen på strækningen og cykelkælderen ved biblioteket. Dette med henblik på at skabe en tryggere forbindelse for gående og cyklister på stien.</p><p>Sagen forelægges på Teknik- og Miljøudvalgsmødet i april, og det er henholdsvis Teknik- og Miljøudvalget og Økonomiudvalget, som udmønter anlægsmidlerne.</p>',
        attachments: [
          { title: 'Oplæg til forbedring af stiforbindelsen fra Banegårdspladsen til Aktiv Center Ballerup', recommended: true },
        ],
      },
    ],
    decision: '<p>Taget til efterretning</p>',
  },
  {
    number: 2,
    title: 'Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget',
    case: 'regnskab-2020-sus',
    summary: '<p>Social- og Sundhedsudvalgets regnskab for 2020 på udvalgets bevillingsrammer forelægges til behandling.</p><p>Det vedtagne budget på udvalgets rammer var 1.177,8 mio. kr.</p><p>Det seneste korrigerede budget på udvalgets rammer er 1.191,6 mio. kr.</p><p>Regnskabet for 2020 viser et forbrug på 1.185 mio. kr.</p><p>Resultatet for 2020 før overførsler er således et mindreforbrug på 6,7 mio. kr.</p><p>De planlagte overførsler fra 2020 til 2021 udgør samlet 11,5 mio. kr.</p><p>Resultatet for 2020 efter overførsler er således et merforbrug på 4,8 mio. kr.</p>',
    background: '<p>I henhold til styrelseslovens § 45 samt Økonomiudvalgets tidsplan for regnskabsafslutningen 2020 skal det enkelte fagudvalg behandle regnskabet. Behandlingen skal ske på april-møderne i 2021, inden det samlede årsregnskab forelægges til godkendelse for Økonomiudvalget og Kommunalbestyrelsen.</p><p>Social- og Sundhedsudvalget har følgende rammer, som vedrører driften:</p><ul><li>50.52 Tilbud til ældre pensionister</li><li>50.54 Tilbud til voksne med særlige behov</li><li>50.56 Sundhed og forebyggelse</li><li>50.58 Boligstøtte.</li></ul>',
    casePresentation: '<p>Regnskabet for 2020 på Social- og Sundhedsudvalgets bevillingsrammer viser et samlet merforbrug på 4,8 mio. kr.</p><p>De væsentligste ændringer til regnskabsresultatet er:</p><ul><li>Merforbrug på køb af hjemmehjælp hos kommunal og privat leverandør på 6,2 mio. kr. som følge af stigende antal borgere og komplekse behandlinger (50.52 Tilbud til ældre pensionister).</li><li>Mindreforbrug på decentrale enheder så som hjemmepleje og plejecentre på hhv. 5,0 mio. kr. og 4,8 mio. kr. (50.52 Tilbud til ældre pensionister).</li><li>Merforbrug på myndighedsafdelingen vedrørende tilbud til voksne med særlige behov på 4,4 mio. kr. (50.54 Tilbud til voksne med særlige behov). Det skyldes et stigende antal samt tyngde af borgere har betydet, at strategiplan for at nå budgetreduktion ikke er realiseret fuldt ud. Institutionerne under denne bevillingsramme har samlet et mindreforbrug på 0,469 mio. kr.</li></ul><p>Inden for Social- og Sundhedsudvalgets bevillingsrammer er der følgende væsentlige udfordringer, som kan have påvirkning for udviklingen fremadrettet:</p><ul><li>Merforbrug på køb af hjemmehjælp hos kommunal og privat leverandør følges tæt i 2021, hvor der foretages korrigerende tiltag, som er beskrevet i første budgetopfølgning 2021 (50.52 Tilbud til ældre pensionister).</li><li>Merforbrug på myndighedsrammen vedrørende tilbud til voksne med særlige behov (50.54 Tilbud til voksne med særlige behov) følges også tæt, og ny strategiplan implementeres.</li></ul><p>Oversigt over budget og regnskabets resultat, fordelt på de enkelte bevillingsrammer:</p><div data-budget-table="1"></div>',
    financialText: '<p>Regnskab 2020 for Social- og Sundhedsudvalgets bevillingsrammer viser et samlet forbrug på 1.185,0 mio. kr.</p><p>Overførsler og udskudte leverancer udgør i alt 11,5 mio. kr., som søges overført til 2021.</p><p>Udvalgets bevillingsrammer udviser et reelt merforbrug på 4,8 mio. kr.</p><p>I forbindelse med første budgetopfølgning i 2021 vil der være særligt fokus på de områder, hvor der har været behov for tillægsbevillinger i 2020.</p>',
    tables: [
      {
        stubHeader: 'Bevillingsramme',
        unit: '1.000 kr.',
        columns: [
          { label: 'Vedtaget budget 2020', number: 1 },
          { label: 'Korrigeret budget 2020', number: 2 },
          { label: 'Regnskab 2020', number: 3 },
          { label: 'Resultat 2020 før overførsler', number: 4, formula: '(3)-(2)', signNote: true },
          { label: 'Overført til budget 2021', number: 5 },
          { label: 'Resultat 2020 efter overførsler', number: 6, formula: '(4)+(5)', signNote: true },
        ],
        rows: [
          {
            code: '50.52',
            label: 'Tilbud til ældre pensionister',
            values: [486492, 492157, 483160, -8999, 10402, 1403],
          },
          {
            code: '50.54',
            label: 'Tilbud til voksne med særlige behov',
            values: [311681, 316716, 320517, 3806, 469, 4270],
          },
          {
            code: '50.56',
            label: 'Sundhed og forebyggelse',
            values: [315724, 316986, 317914, 928, 592, 1520],
          },
          {
            code: '50.58',
            label: 'Boligstøtte',
            values: [63891, 65788, 63396, -2392, 0, -2392],
          },
        ],
        total: {
          label: 'I alt',
          values: [1177788, 1191649, 1184987, -6662, 11463, 4801],
        },
        footnotes: [
          '*) + = merforbrug',
          '- = mindreforbrug',
          'Note: Korrigeret budget 2020 svarer til budget pr. 30. november 2020 (tredje budgetopfølgning).',
        ],
      },
    ],
    attachments: [
      {
        title: 'Uddybende forklaring til sammenhængen mellem merforbrug og mindreforbrug på Social- og Sundhedsudvalgets rammer',
        recommended: true,
      },
      { title: '50.52 Tilbud til ældre pensionister - mål- og rammebeskrivelse til regnskab 2020', recommended: true },
      { title: '50.54 Tilbud til voksne med særlige behov - mål- og rammebeskrivelse til regnskab 2020', recommended: true },
      { title: '50.56 Sundhed og forebyggelse - mål- og rammebeskrivelse til regnskab 2020', recommended: true },
      { title: '50.58 Boligstøtte - mål- og rammebeskrivelse til regnskab 2020', recommended: true },
    ],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Voksne og Sundhed',
      points: [
        '<p>Regnskab 2020 på bevillingsrammerne under Social- og Sundhedsudvalget indgår som en del af Ballerup Kommunes samlede årsregnskab for 2020, der forelægges Økonomiudvalget og Kommunalbestyrelsen.</p>',
      ],
    },
    decision: '<p>Indstillingen godkendt med følgende bemærkninger:</p><p>Der henvises til bilaget "Uddybende forklaring til sammenhængen mellem merforbrug og mindreforbrug på Social- og Sundhedsudvalgets rammer" hvoraf der fremgår uddybende forklaringer på regnskabsresultatet, herunder sammenhængen mellem områdets mindreforbrug for 2020, overførsler til 2021, som giver et samlet merforbrug, som samlet nettoresultat for Social- og Sundhedsudvalgets rammer.</p><p>Bilaget "50.54 Tilbud til voksne med særlige behov - mål- og rammebeskrivelse til regnskab 2020" side 7 vedrørende Rødbo rettes teksten til: Rødbo har genereret et underskud på 1,9 mio. kr. svarende til 4,9 pct. som overføres til 2021. Der skal udarbejdes en handleplan for nedbringelse af underskud over 3 pct., jf. de generelle regler for overførsel af overskud/underskud.</p>',
  },
  {
    number: 3,
    title: 'Første budgetopfølgning for 2021 af driftsbevillingsrammerne under Social- og Sundhedsudvalget',
    case: 'budgetopfoelgning-2021-sus',
    summary: '<p>Første budgetopfølgning for 2021 for Social- og Sundhedsudvalget godkendes med henblik på at indgå som en del af Ballerup Kommunes samlede første budgetopfølgning for 2021, der forelægges for Økonomiudvalget og Kommunalbestyrelsen.</p><p>Konsekvensen af første budgetopfølgning er, at budgettet for udvalgets samlede driftsbevillingsrammer forøges med 11,5 mio. kr. i forhold til det korrigerede budget for 2021.</p>',
    background: '<p>I henhold til tidsplan for budgetlægningen 2022, budgetopfølgningerne 2021 og regnskabsaflæggelsen 2020 skal de enkelte fagudvalg behandle opfølgning på budget 2021 tre gange årligt.</p><h4>Udvalgets bevillingsrammer</h4><ul><li>50.52 Tilbud til ældre pensionister</li><li>50.54 Tilbud til voksne med særlige behov</li><li>50.56 Sundhed og forebyggelse</li><li>50.58 Boligstøtte.</li></ul>',
    casePresentation: '<p>Ved første budgetopfølgning har administrationen beregnet det forventede forbrug for Social- og Sundhedsudvalgets bevillingsrammer for 2021. Konsekvensen er, at budgettet på udvalgets bevillingsrammer skal forøges med 11,5 mio. kr. i forhold til det korrigerede budget for 2021.</p><p>På bevillingsrammerne forøges udgifterne inden for servicerammen med 11,5 mio. kr., mens udgifterne uden for servicerammen ikke påvirkes i 2021.</p><p>Ændringerne af budgettet i 2021 og 2022-2025 skyldes primært:</p><ul><li>Overførsler fra Regnskab 2020, svarende til 10,5 mio. kr.</li><li>Demografi, svarende til 1,1 mio. kr.</li><li>Omplacering mellem udvalg vedr. e-learningsprogram til omsorgssystemet til -0,08 mio. kr.</li></ul><p>For budgetårene 2022-2025 vil konsekvensen være, at budgettet skal reduceres med 0,08 mio. kr. i 2022, reduceres med 0,08 mio. kr. i 2023, reduceres med 0,08 mio. kr. i 2024 og reduceres med 0,08 mio. kr. i 2025.</p><h4>50.52 Tilbud til ældre pensionister</h4><p>I 2021 forventes der ved første budgetopfølgning et merforbrug på bevillingsrammen svarende til 20,6 mio. kr. jf. bilagsnotat.</p><p>Det skyldes, at bevillingsrammen er påvirket af flere samtidige faktorer:</p><ul><li>Færre udenbys borgere i plejecentrene primo 2021 i forhold til 2020, hvilket giver et forventet merforbrug på 7,4 mio. kr. i 2021.</li><li>Flere borgere over 65 år med særlige behov. Dette forventes at give et merforbrug i 2021 på 2,7 mio. kr.</li><li>Stigende udgifterne til kommunal og privat levering af hjemmepleje. Der forventes et merforbrug på 10,5 mio.kr.</li></ul><p>Årsagerne til det stigende forbrug analyseres netop nu af administrationen, og på den baggrund vil der blive arbejdet med løsninger og korrigerende handlinger frem mod anden budgetopfølgning 2021. Desuden fremsættes der en separat sag til udvalget med henblik på, at hjemtage nogle af borgerne med særlige behov til et billigere tilbud i Ballerup Kommune. På denne baggrund søges der ikke om tillægsbevilling ved denne budgetopfølgning i forhold til ovenstående problemstillinger.</p><h4>50.54 Voksne med særlige behov</h4><p>Der har været store økonomiske udfordringer på det specialiserede voksenområde gennem årene. Der er fortsat pres på området. Der er udarbejdet en økonomisk handlings- og strategiplan, som i 2021 skal udmønte en besparelse på 16,2 mio. kr. Denne handlings- og strategiplan rummer kendte udfordringer og fremskrivninger – herunder de unge mennesker, der må forventes at skulle have støtte i forhold til servicelovens bestemmelser.</p><p>Området følges tæt af administrationen. På nuværende tidspunkt forventes der et merforbrug på 2,5 mio. kr. på baggrund af kendte aktiviteter. Hvis merforbruget fortsætter kan det blive nødvendigt, at søge om en tillægsbevilling ved anden budgetopfølgning 2021.</p>',
    financialText: '<div data-budget-table="1"></div><div data-budget-table="2"></div>',
    tables: [
      {
        title: 'Tabel 1. Økonomisk overblik i 2021 ved første budgetopfølgning for 2021 på Social- og Sundhedsudvalgets område',
        stubHeader: 'Bevillingsramme',
        unit: '1.000 kr.',
        columns: [
          { label: 'Vedtaget budget 2021', number: 1 },
          { label: 'Senest korrigeret budget pr. 30/11-20', number: 2 },
          { label: 'Overførsler fra 2020 til 2021', number: 3, signNote: true },
          { label: 'Omplaceringer', number: 4, signNote: true },
          { label: 'Mer-/mindreforbrug', number: 5, signNote: true },
          { label: 'Forslag til nyt budget pr. 26/4-21', number: 6, formula: '(2)+(3)+(4)+(5)' },
        ],
        rows: [
          {
            code: '50.52',
            label: 'Tilbud til ældre pensionister',
            values: [488938, 490136, 10402, -83, 1076, 501531],
          },
          {
            code: '50.54',
            label: 'Tilbud til voksne med særlige behov',
            values: [307022, 307010, -469, 0, 0, 306541],
          },
          {
            code: '50.56',
            label: 'Sundhed og forebyggelse',
            values: [327732, 326863, 592, 0, 0, 327455],
          },
          {
            code: '50.58',
            label: 'Boligstøtte',
            values: [65832, 65832, 0, 0, -44, 65788],
          },
        ],
        total: {
          label: 'I alt',
          values: [1189524, 1189841, 10525, -83, 1032, 1201315],
        },
        footnotes: [
          '*) + = merudgifter eller mindreindtægter',
          '- = mindreudgifter eller merindtægter',
        ],
      },
      {
        title: 'Tabel 2. Økonomisk overblik i 2021-2025 ved første budgetopfølgning for 2021 på Social- og Sundhedsudvalgets område',
        stubHeader: '',
        unit: '1.000 kr.',
        columns: [
          { label: '2021' },
          { label: '2022' },
          { label: '2023' },
          { label: '2024' },
          { label: '2025' },
        ],
        rows: [
          {
            key: 'r1',
            label: 'Senest korrigeret budget pr. 30. november 2020',
            values: [1189841, 1208544, 1212432, 1218962, 1218962],
          },
          {
            key: 'r2',
            label: 'De samlede ændringer** (3)+(4)+(5)',
            values: [11474, -83, -83, -83, -83],
          },
          {
            key: 'r3',
            label: 'Forslag til nyt budget pr. 26. april 2021',
            formula: 'r1+r2',
            values: [1201315, 1208461, 1212348, 1218879, 1218879],
          },
          { kind: 'heading', label: 'som fordeler sig således:' },
          {
            code: '50.52',
            label: 'Tilbud til ældre pensionister',
            values: [501531, 517831, 512868, 528421, 528421],
          },
          {
            code: '50.54',
            label: 'Tilbud til voksne med særlige behov',
            values: [306541, 306830, 304807, 304807, 304807],
          },
          {
            code: '50.56',
            label: 'Sundhed og forebyggelse',
            values: [327455, 326900, 326665, 326665, 326665],
          },
          {
            code: '50.58',
            label: 'Boligstøtte',
            values: [65788, 66900, 68008, 68986, 68986],
          },
        ],
        footnotes: [
          '*) + = merudgifter eller mindreindtægter',
          '- = mindreudgifter eller merindtægter',
          '**) Tallene svarer til de samlede budgetomplaceringer, tillægsbevillinger samt overførsler i 2021 (se i øvrigt kolonnerne 3, 4 og 5 i Tabel 1).',
        ],
      },
    ],
    attachments: [
      { title: 'Bilagsnotat til første budgetopfølgning 2021 på Social- og Sundhedsudvalgets område', recommended: true },
      { title: 'Oversigt over overførsler fra regnskab 2020 til 2021 på Social- og Sundhedsudvalgets område', recommended: true },
    ],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Voksne og Sundhed',
      points: [
        '<p>Forøgelsen på 11,5 mio. kr. i 2021 og ændringerne i 2022-2025 på Social- og Sundhedsudvalgets bevillingsrammer ved første budgetopfølgning for 2021 godkendes med henblik på at indgå som en del af Ballerup Kommunes samlede første budgetopfølgning for 2021, der forelægges for Økonomiudvalget og Kommunalbestyrelsen.</p>',
      ],
    },
    decision: '<p>Indstillingen godkendt</p>',
  },
  {
    number: 4,
    title: 'Bevillinger eller puljeindtægter på Social- og Sundhedsudvalgets område med udløb i 2022',
    summary: '<p>Som et led i forberedelsen til budgettet for 2022 orienteres Social- og Sundhedsudvalget om bevillinger eller puljeindtægter, der har udløb i 2022.</p>',
    background: '<p>Inden for Social- og Sundhedsudvalgets bevillingsrammer er der opgaver, der finansieres ved bevillinger eller puljeindtægter med udløb i 2022. Som et led i forberedelsen til budget 2022 orienteres udvalget om bevillinger eller puljeindtægter, der har udløb i 2022.</p><p>Ved en pulje forstås:</p><ul><li>En statslig pulje, der finansierer en opgave i en periode (dette inkluderer fx ikke bloktilskud).</li><li>En intern pulje, der skal finansiere en opgave eller et projekt.</li><li>En bevilling, der er givet midlertidigt via en budgetaftale til en opgave/projekt, der forventes at være løst.</li></ul>',
    casePresentation: '<p>Social- og Sundhedsudvalget skal som et led i forberedelsen til budgettet for 2022 orienteres om puljer med udløb i 2022.</p><p>For Social- og Sundhedsudvalget drejer det sig om følgende bevillinger og/eller puljeindtægter:</p><ul><li>Bedre bemanding (50.52 Tilbud til ældre pensionister)</li><li>Fællesskabspulje (50.52 Tilbud til ældre pensionister)</li><li>Pulje til en særlig indsats for fastholdelse af elever på social- og sundhedsuddannelserne med fokus på sprogstøtte (50.52 Tilbud til ældre pensionister)</li><li>Tværfaglig ernæringsindsats målrettet underernærede ældre med uplanlagt vægttab (50.56 Sundhed og forebyggelse).</li></ul><h4>Bedre bemanding</h4><p>Der er fra 2018-2021 afsat en statslig pulje til bedre bemanding i hjemmeplejen og på plejecentrene. Ballerup Kommunes andel af puljen udgør ca. 4,6 mio. kr. årligt. Puljen er øremærket til at ansætte mere plejepersonale eller at opjustere arbejdstiden for eksisterende medarbejdere. Puljen understøtter Center for Voksne og Sundheds arbejde med at sikre normering og kontinuitet i plejen.</p><p>Puljen udløber den 31.12.2021.</p><p>Fra 2022 forventes midlerne udmøntet over bloktilskuddet. Indsatsen kan videreføres, hvis midlerne fra bloktilskuddet bliver overført til Center for Voksne og Sundhed.</p><h4>Fællesskabspulje</h4><p>Sundhedsstyrelsen har afsat en pulje fra 2018-2021, som skal bidrage til, at ensomme hjemmehælpsmodtagere skal have mulighed for civilsamfundsdeltagelse. Midlerne skal bruges til hjemmehjælpsmodtagere, som har behov for at blive ledsaget til aktiviteter, som bidrager til at bekæmpe ensomheden. Projektet sker i samarbejder med bl.a. aktivitetsmedarbejderne på plejecentrene.</p><p>Puljen udløber den 31.12.2021 og projektet kan ikke videreføres inden for den økonomiske ramme.</p><h4>Pulje til en særlig indsats for fastholdelse af elever på social- og sundhedsuddannelserne med fokus på sprogstøtte</h4><p>Projektet skal understøtte Center for Voksne og Sundheds målsætning om, at alle SOSU-elever gennemfører deres uddannelse og realiserer deres fulde potentiale via et individuelt fokus på den enkelte elev.</p><p>Puljen udløber den 31.12.2021 og projektet kan ikke videreføres inden for den økonomiske ramme.</p><p>Det forventes, at erfaringer og kompetencer fra projektet vil kunne anvendes i det forsætte arbejde med fastholdelse af SOSU-elever med sproglige udfordringer.</p><h4>Tværfaglig ernæringsindsats målrettet underernærede ældre med uplanlagt vægttab</h4><p>Formålet med puljen er at bidrage til at skabe tværfaglige, systematiske indsatser, som skal forhindre, at ældre rammes af de negative sundhedsmæssige konsekvenser, der er forbundet med uplanlagt vægttab eller underernæring. Mange faggrupper kan bidrage til en indsats for ældre i risiko for underernæring, og der kan søges midler til at afprøve forskellige modeller for tværfagligt samarbejde.</p><p>Puljen udløber den 31.12.2021 og projektet kan ikke videreføres inden for den økonomiske ramme.</p><p>Det forventes, at erfaringer og kompetencer fra projektet vil kunne anvendes i det videre arbejde med ernæring.</p>',
    financialText: '<p>I nedenstående tabel fremgår Social- og Sundhedsudvalgets puljer med udløb i 2022 eller i slutningen af 2021. Beløbet er det, der er afsat i det nuværende budget inkl. en eventuel egenfinansiering.</p><div data-budget-table="1"></div>',
    tables: [
      {
        stubHeader: 'Bevillinger eller puljeindtægter med udløb i 2022 eller i slutningen af 2021, hvor der ikke er bevilling i efterfølgende år',
        unit: '1.000 kr.',
        columns: [
          { label: '2021', decimals: 3 },
          { label: '2022', decimals: 3 },
        ],
        rows: [
          {
            label: 'Bedre bemanding',
            values: [4.6, null],
          },
          {
            label: 'Fællesskabspulje',
            values: [1, null],
          },
          {
            label: 'Tværfaglig ernæringsindsats målrettet underernærede ældre med uplanlagt vægttab',
            values: [1.474, null],
          },
          {
            label: 'Pulje til en særlig indsats for fastholdelse af elever på social- og sundhedsuddannelserne med fokus på sprogstøtte',
            values: [0.277, null],
          },
        ],
      },
    ],
    attachments: [],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Voksne og Sundhed',
      points: [
        '<p>Det tages til efterretning, at puljen Bedre bemanding ophører i 2021.</p>',
        '<p>Det tages til efterretning, at midler til Bedre bemanding bliver udmøntet via bloktilskud fra 2022 og indsatsen vil kunne videreføres såfremt midlerne fra bloktilskuddet bliver overført til Center for Voksne og Sundhed.</p>',
        '<p>Det tages til efterretning, at projektet Fællesskabspulje ophører i 2021.</p>',
        '<p>Det tages til efterretning, at projektet Pulje til en særlig indsats for fastholdelse af elever på social- og sundhedsuddannelserne med fokus på sprogstøtte ophører i 2021.</p>',
        '<p>Det tages til efterretning, at projektet Tværfaglig ernæringsindsats målrettet underernærede ældre med uplanlagt vægttab ophører i 2021.</p>',
      ],
    },
    decision: '<p>Taget til efterretning med følgende bemærkning:</p><p>Social- og Sundhedsudvalget ønsker, at indsatserne Bedre bemanding, Fællesskabspulje og en særlig indsats for fastholdelse af social- og sundhedselever videreføres, og at finansiering heraf indgår i forhandlingerne af budget 2022.</p>',
  },
  {
    number: 5,
    title: 'Udgiftsudviklingen på det specialiserede voksenområde, februar 2021',
    case: 'udgiftsudvikling-voksen',
    summary: '<p>Administrationen forelægger opfølgning på det specialiserede voksenområde for februar 2021.</p><p>På baggrund af februar 2021 forventes et merforbrug på 2,529 mio. kr. på aktive indsatser.</p>',
    background: '<p>Det specialiserede voksenområde følges tæt med månedlige opgørelser over aktivteter, da der trods en række initiativer ses en fortsat økonomisk udfordring grundet tilgang til området og stigende priser.</p><p>Inden forelæggelsen for Social- og Sundhedsudvalget har sagen være behandlet i direktionen.</p>',
    casePresentation: '<p>Administrationens opfølgning på økonomien på det specialiserede voksenområde viser, at der pr. februar 2021 forventes et merforbrug på 2,529 mio. kr. i 2021.</p><p>Afvigelsen fra januaropgørelsen 2021, hvor forventningen på baggrund af de aktive indsatser var et mindreforbrug på 0,605 mio. kr., er på i alt 3,126 mio. kr.</p><p>De vigtigste årsager til merforbruget er:</p><ul><li>Tastefejl på 1,462 mio. kr. på borger i midlertidigt botilbud SEL § 107. Denne udgift manglede derfor i januar opgørelsen for 2021.</li><li>Disponeringerne for 2021 var ved januaropfølgningen ikke fremskrevet korrekt, hvilket udløser en afvigelse på 0,605 mio. kr. siden sidste opfølgning på tværs af indsatsområder.</li><li>Takstøgning på ni borgere i henholdsvis midlertidig og længerevarende botilbud efter servicelovens §§ 107 og 108 på i alt 0,966 mio. kr.</li><li>Øvrige mindre takstøgninger på tværs af indsatsområder på i alt 0,093 mio. kr.</li></ul><p>Forud for budgetvedtagelsen for budget 2019-2022 udarbejdede og forelagde administrationen en økonomisk handle-/strategiplan for det specialiserede voksenområde. Arbejdet med den økonomiske handleplan forsætter i 2021, hvor sparekravet lyder på 16,80 mio. kr. Dette vurderes at være svært at indfri i lyset af, at der pr. 28. februar 2021 er opnået en samlet besparelse via handleplanen på 0,55 mio. kr.</p><p>Det primære udgiftsdrivende område er botilbudsområdet. På dette område er alle sager vedrørende både midlertidigt og længerevarende ophold i botilbud i løbet af 2020 blevet gennemgået for at sikre overensstemmelse mellem behov, pris og kvalitet. Der arbejdes kontinuerligt med forhandling af takster og kontraktstyring, men området er fortsat præget af tilgang og stigende kompleksitet, hvilket udfordrer rammen.</p><p>På Social- og Sundhedsudvalgsmødets møde deltager afsnitsleder Dora Fog fra Social Vejledning under behandlingen af sagen.</p>',
    financialText: '<p>Ingen økonomiske konsekvenser</p>',
    attachments: [
      { title: 'Opfølgning på udgiftsudviklingen på det specialiserede voksenområde, februar 2021', recommended: true },
    ],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Voksne og Sundhed',
      points: [
        '<p>Udgiftsudviklingen på det specialiserede voksenområde tages til efterretning.</p>',
      ],
    },
    decision: '<p>Taget til efterretning</p>',
  },
  {
    number: 6,
    title: 'Sammenhængende borgerforløb',
    case: 'sammenhaengende-borgerforloeb',
    postponedFrom: 'sus-2021-03-02#6',
    summary: '<p>En status på arbejdet med sammenhængende borgerforløb, herunder en præsentation af evalueringen af Frikommuneforsøget Én Plan.</p><p>Sagen fremlægges til orientering i følgende udvalg: Social- og Sundhedsudvalget, Kultur- og Fritidsudvalget, Børne- og Skoleudvalget samt Erhvervs- og Beskæftigelsesudvalget.</p>',
    background: '<p>Ballerup Kommune skal levere sammenhængende og helhedsorienterede løsninger på tværs af velfærdsområder, der sikrer en bedre effekt af indsatserne og mere kvalitet for borgerne.</p>',
    casePresentation: '<h4>Status på det samlede program for sammenhængende borgerforløb i Ballerup Kommune</h4><p>Programmet for sammenhængende borgerforløb er udviklet og implementeret i flere trin:</p><ul><li>Pilotprojekt: Udskolingselever med højt skolefravær</li><li>Pilotprojekt: Ressourceforløb</li><li>Frikommuneprojektet: Familieindsatsen</li><li>Den sammenhængende ungeindsats – fortløbende fra medio 2018</li><li>Den sammenhængende voksenindsats – fortløbende fra ultimo 2019</li><li>Den sammenhængende børnefamilieindsats – fortløbende fra ultimo 2020.</li></ul><p>Alle borgere med behov herfor kan således nu tilbydes et sammenhængende borgerforløb; det vil sige, hvor borger tilbydes en tovholder (sagsbehandler/rådgiver), der koordinerer borgerforløbet fra A til Z og sammensætter netop dét tværfaglige team, der giver mening for borgeren og borgerens sag. Det tværfaglige team og borger udarbejder sammen Én Plan, hvor alle indsatser er koordineret.</p><p>Ballerup Kommune er, hvis ikke den eneste, så en af de få kommuner, der er lykkes med at skabe en sammenhængende indsats, der i praksis rummer et 360 graders perspektiv, hvor alle relevante dele af organisationen kan bringes i spil og mødes med borger i et tværfagligt team. Det er helt unikt og indsatsen har skabt resultater.</p><p>Aktuelt er der 187 sammenhængende borgerforløb, hvoraf 138 er enkeltforløb og 49 er familiesager (135 borgere).</p><p>De 187 borgerforløb fordeler sig på:</p><ul><li>Børnefamilieområdet (0-12 år) 37 forløb</li><li>Ungeområdet (13-29 år) 117 forløb</li><li>Voksenområdet: (+30 år) 33 forløb.</li></ul><p>Antallet af borgerforløb forventes at øges i takt med implementeringsindsatsen i 2021. Derudover forventes det samlede antal borgerforløb at øges som følge af, at målgruppen for sammenhængende borgerforløb udvides til at være et tilbud til alle borgere, som måtte ønske det.</p><p>En intern analyse af 50 borgerforløb viser, at der er en stærk sammenhæng mellem progression og den sammenhængende indsats. Især et stærkt tværfagligt team er værdiskabende for borger i at nå sine mål og drømme. Ligesom muligheden for at iværksætte en prøvehandling, det vil sige afprøve nye tilbud, som måske i højere grad kan være den rigtige indsats, er afgørende for, at borger opnår den ønskede progression. Analysen viste endvidere, at det er en styrke, at alle fagområder og alle dele af organisationen arbejder med samme metode og tilgang til sammenhængende borgerforløb og borgersamarbejdet.</p><p>Afsættet for samarbejdet med borgeren er, at vi som kommune møder borgerne i øjenhøjde (Vision 2029). Det betyder grundlæggende et paradigmeskifte fra, at betragte borgeren som en, der har ret til en ydelse defineret ud fra borgerens mangler, til i stedet at indgå i et samarbejde, hvor løsninger skabes i samarbejde og dialog med borger. En stikprøve af borgernes oplevelse af samarbejdet scorer relativt højt (4,2 i gennemsnit på en score fra 1-5). Det tillægges især vægt, at borgerne føler sig hørt og involveret i beslutningerne. Et forhold som også afspejles i, at der næsten ingen klagesager er.</p><h4>Evaluering af Frikommuneprojektet</h4><p>Ballerup Kommune har sammen med otte andre kommuner været en del af Frikommuneprojektet En Borger – Én Plan. Projektet har været delt i tre spor; Ungeklyngen, Voksenklyngen og Familieklyngen. Ballerup Kommune har deltaget i Familieklyngen; det vil sige en samlet familieindsats, hvor forløbet er samlet og koordineret på tværs af børne- og voksenområdet. VIVE (Det Nationale Forsknings- og Analysecenter for Velfærd) har evalueret Frikommuneforsøget.</p><p>Evalueringen viser overordnet på tværs af de deltagende ni kommuner, at det er lykkes at gøre en markant forskel i de deltagende borgeres og familiers liv, herunder peges der særligt på:</p><ul><li>Mange borgere oplever et markant forbedret samarbejde med kommunen. De oplever en god relation og støtte til at opnå deres mål.</li><li>Nogle af borgerne oplever også at komme i job eller uddannelse og/eller en bedre trivsel og et bedre helbred.</li><li>Der er i forsøget en sammenhæng med progression, og i hvilken grad borgerne har modtaget en helhedsorienteret løsning.</li><li>Særligt i forhold til familieindsatsen er der i høj grad eksempler på borgere, der er kommet i beskæftigelse fordi der er skabt overskud til beskæftigelse ved at højne trivslen i familien. Et forhold som også var/er gældende for familieforløbene i Ballerup Kommune. En intern analyse af syv familieforløb viste, at et beskæftigelsesrettet forløb/sigte fordrer, at der samtidig sker en koordineret indsats i forhold til børnene og/eller fokus på forældreevnen. Derudover viste case-analysen også behovet for at kunne iværksætte individuelt tilpassede løsninger. Denne mulighed var/er gældende i borgerforløbene i Ballerup Kommune på grund af en udstrakt grad af beslutningskompetence til de tværfaglige team samt muligheden for at iværksætte prøvehandlinger.</li></ul><p>VIVE peger i evalueringen også på, at uagtet hvilke udfordringer og diagnoser borgerne har, er der et mønster i, at mangel på handlekraft og lav kvalitet i relationen mellem borger og de fagprofessionelle har en sammenhæng med manglende progression. Det er således ikke nok at koordinere, hvis der ikke er handlekraft og en stabil indgang og relation mellem borger og de fagprofessionelle. Evalueringen fra Det Nationale Forsknings- og Analysecenter for Velfærd (VIVE) kan ses i bilag. Kapitel 9 i bilaget, side 94-96, anbefales læst.</p><h4>Sammenhængende borgerforløb 2021</h4><p>Evalueringen af frikommuneforsøget samt de interne erfaringer og analyser i Ballerup Kommune viser, at der er et uudnyttet potentiale i at iværksætte flere sammenhængende borgerforløb. Implementeringen af sammenhængende borgerforløb intensiveres derfor i 2021, herunder også ved at borgerne oplyses om muligheden for et sammenhængende borgerforløb. Parallelt hermed arbejdes der forsat videre med at geare organisationen til det paradigmeskifte, det er at løse egen velfærds-/kerneopgave ind i en større sammenhæng:</p><ul><li>Implementeringsforløb for lederne v/ Joint Action, Carsten Hornstrup (2020-2021).</li><li>Kompetenceudviklingsforløb for tovholdere, herunder sidemandsoplæring fra Borgerkoordinatorerne (2019-).</li><li>Introduktionsprogram for nye medarbejdere og ledere til sammenhængende borgerforløb (2021-).</li><li>Udvikling af tilbudsviften via prøvehandlinger; det vil sige afprøve nye tilbud, som måske i højere grad kan være den rigtige indsats (2020-).</li><li>Analyser af den relationelle kapacitet; det vil sige, hvor stærkt er det tværfaglige samarbejde (2020-).</li><li>Survey-undersøgelse af borgernes oplevelse af samarbejdet med kommunen (2020-).</li><li>Udvikling af en tværgående IT-løsning til En Plan, herunder progressionsmålinger på den samlede indsats (2021).</li><li>Styrket kommunikationsindsats, herunder information til borgerne om sammenhængende borgerforløb (2021-).</li></ul>',
    financialText: '<p>Ingen økonomiske konsekvenser</p>',
    attachments: [
      { title: 'VIVE: Evaluering af Frikommuneforsøget En Borger – Én Plan', recommended: true },
    ],
    attachmentsNote: '(kapitel 9, side 94-96)',
    decidedBy: 'sus',
    recommendation: {
      by: 'Direktør Mette Vaaben Mortensen og centercheferne Eva Borg, Lone Junge Marcussen, Per Kensø samt Jannik Karoli Plum Nielsen',
      points: [
        '<p>Orienteringen om Sammenhængende borgerforløb tages til efterretning.</p>',
      ],
    },
    decision: '<p>Taget til efterretning</p>',
  },
  {
    number: 7,
    title: 'Ny opgave i form af tilbud om socialtandpleje',
    summary: '<p>Sundhedsloven blev den 1. juli 2020 udvidet med socialtandpleje. Kommunerne blev med dette lovforslag forpligtet til at oprette et vederlagsfrit tilbud til de mest socialt udtsatte borgere.</p><p>Sagen er en orientering i forhold til håndtering af socialtandpleje i Ballerup Kommune, såvel i forhold til nuværende status som fremadrettet håndtering. Af sagen fremgår en præcisering af konkret borgergruppe samt ønsket visitationspraksis.</p><p>Sagen forelægges i både Social- og Sundhedsudvalget og Børne- og Skoleudvalget.</p>',
    background: '<p>I sundhedsloven blev der pr. 1. juli 2020 tilføjet en § 134a med overskriften Socialtandpleje, hvilket er en udvidelse af det eksisterende kommunale tandplejetilbud.</p><p>Denne udvidelse betyder, at Ballerup Kommune er forpligtet til at tilbyde vederlagsfri akut smertelindrende og funktionsopbyggende tandpleje til borgere med særlige sociale problemer. Opgaven hører under den kommunale tandplejes opgavevaretagelse.</p>',
    casePresentation: '<p>Tandplejen er pr. 1. juli 2020 forpligtet til at udvide det nuværende tandplejetilbud med tandpleje, jf. sundhedsloven § 134a:</p><p>"Kommunalbestyrelsen tilbyder vederlagsfri akut smertelindrende og funktionsopbyggende tandpleje, herunder forebyggende råd og vejledning i forhold til vedligeholdelse af behandlingen, til borgere med særlige sociale problemer i form af gadehjemløse og borgere, der kan benytte herberger, varmestuer, væresteder på grund af hjemløshed, herunder borgere, som ikke kan opholde sig i egen bolig, jf. lov om social service §§ 104 og 110, og som ikke kan udnytte de almindelige tandplejetilbud".</p><p>Derudover kan Kommunalbestyrelsen via § 134a, stk. 2, tilbyde:</p><p>"Kommunalbestyrelsen kan ud fra en konkret vurdering tilbyde vederlagsfri akut smertelindrende og funktionsopbyggende tandpleje, herunder forebyggende råd og vejledning i forhold til vedligeholdelse af behandlingen, til udsatte borgere, der ikke er omfattet af stk. 1, og som ikke kan udnytte de almindelige tandplejetilbud grundet særlige sociale problemer".</p><p>Tandplejen har i samarbejde med Tandrødderne, Brydehuset og Center for Arbejdsmarked siden foråret 2020 drøftet håndtering og varetagelse af denne nye opgave.</p><p>Der er i samarbejde med ovennævnte parter udarbejdet et konkret forslag til håndtering.</p><p>Årsagen til denne fælles drøftelse af opgaven er sammenfald i forhold til målgruppe, og at der fra alle parters side ønskes en løsningsmodel, der inddrager alle nuværende velfungerende tiltag og erfaringer såvel med hensyn til tilbud til borgerne som i forhold til fortsat anvendelse af allerede etablerede klinikfaciliteter hos Tandrødderne.</p><p>Tandrødderne er en frivilligt drevet tandklinik for misbrugere og socialt udsatte, som er stiftet i 2013, og som har adresse i Ballerup Kommune.</p><p>Samarbejdet mellem Tandrødderne og Ballerup Kommune er beskrevet i en samarbejdsaftale (se bilag). Heraf fremgår blandt andet, at visitation til behandling i tandklinikken Tandrødderne varetages af Ballerup Kommune ved Misbrugscenteret Brydehuset.</p><p>I Tandrødderne er der ansat en lønnet klinikkoordinator, betalt af Ballerup Kommune, til at understøtte klinikkens drift. Det øvrige personale hos Tandrødderne er frivillig arbejdskraft.</p><p>Der er, i samarbejde mellem Tandplejen i Ballerup Kommune og Tandrødderne, udarbejdet et bilag til den nuværende samarbejdsaftale mellem Ballerup Kommune og Tandrødderne (se bilag), som beskriver et forslag til fremadrettet samarbejde.</p><p>Af dette bilag til samarbejdsaftalen fremgår det, at Tandplejen i Ballerup Kommune vil varetage tandbehandling af den gruppe borgere, som kommunen skal tilbyde tandpleje, hvilket hovedsageligt er hjemløse, jf. lov om social service §§ 104 og 110. Tandrødderne visiterer fortsat efter egne kriterier om behov for tandbehandling og uden skelen til borgernes kommunale tilhørsforhold. Dette er hovedsageligt borgere, som hører under § 134a, stk. 2.</p><p>Status primo februar 2021 er:</p><ul><li>Der er lavet opsøgende arbejde i form af plakater, som er sat op relevante steder.</li><li>Information om socialtandplejetilbud på Tandplejens hjemmeside: https://tandplejen.ballerup.dk/tilbud-om-socialtandpleje</li><li>Klinikkoordinator hos Tandrødderne er opmærksom og hjælpsom i forhold til visitation af borgere, jf. § 143, stk. 1.</li><li>Der er ingen borgere tilmeldt socialtandpleje.</li><li>Der mangler tydelighed i forhold til visitationspraksis.</li><li>Der er behov for support til Tandplejen i forhold til opsøgende arbejde.</li></ul><p>Udeståender:</p><ul><li>Endelig afklaring af visitationspraksis.</li><li>Tværfaglig support til opsporing af borgere.</li></ul>',
    financialText: '<p>Det er afsat 300.000 kr. årligt til socialtandpleje, hvilket ca. svarer til en tandlæge og en klinikassistent én dag om ugen.</p>',
    attachments: [
      { title: 'Samarbejdsaftale mellem Ballerup Kommune og Tandrødderne', recommended: true },
      {
        title: 'Bilag til samarbejdsaftalen mellem Ballerup Kommune og Tandrødderne - forslag til fremadrettet samarbejde om socialtandpleje',
        recommended: true,
      },
      { title: 'Plakat om tilbud om socialtandpleje', recommended: false },
    ],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Voksne og Sundhed',
      points: [
        '<p>Orienteringen om den ny opgave i form af tilbud om socialtandpleje tages til efterretning.</p>',
      ],
    },
    decision: '<p>Taget til efterretning</p>',
  },
  {
    number: 8,
    title: 'Kvalitetsrapport på social- og sundhedsområdet for 2020',
    case: 'kvalitetsrapport-social-sundhed',
    summary: '<p>Sagen præsenterer kvalitetsrapport 2020 for social- og sundhedsområdet.</p><p>Kvalitetsrapporten tages til efterretning.</p>',
    background: '<p>I forbindelse med den politiske aftale 2019 blev parterne enige om, at der én gang årligt udarbejdes en kvalitetsrapport for social- og sundhedsområdet. Efterfølgende har Social- og Sundhedsudvalget i august 2019 godkendt forslag til opbygning af kvalitetsrapporten.</p><p>Kvalitetsrapporten forelægges Social- og Sundhedsudvalget én gang årligt, så vidt muligt inden udgangen af første kvartal.</p>',
    casePresentation: '<p>Kvalitetsrapporten for social- og sundhedsområdet er bygget op om tre hovedområder: Ældreområdet, Socialområdet og Sundhedsområdet.</p><p>Kvalitetsrapporten for social- og sundhedsområdet bliver udarbejdet med en ambition om at følge udviklingen på udvalgte parametre, der understøtter den strategiske retning i Center for Voksne og Sundhed og i Center for Arbejdsmarked samt understøttelse af Vision 2029.</p><p>Der er valgt i alt 13 nøgletal, fordelt med fem nøgletal på ældreområdet og fire nøgletal på henholdsvis handicap- og psykiatriområdet samt sundhedsområdet.</p><p>Ældreområdet:</p><ol><li>Forebyggelige indlæggelser</li><li>Genindlæggelser</li><li>Tilfredshed med hjemmeplejen</li><li>Plejeboliggaranti</li><li>Færdigbehandlede dage på hospital.</li></ol><p>Socialområdet:</p><ol><li>Forebygge udsættelse fra egen bolig.</li><li>Tilfredshed og oplevet kvalitet hos borgere, der både får hjemmehjælp og bostøtte.</li><li>Antal borgere i beskyttet beskæftigelse og skånejob efter endt Særlig Tilrettelagt Ungdomsuddannelse (STU).</li><li>Bevægelser på indsatstrappen – udvikling i visiterede ydelser efter serviceloven § 85 via forebyggelse i Fronten og hjemtagelser fra botilbud.</li></ol><p>Sundhedsområdet:</p><ol><li>Forløbsprogrammer – antal gennemførte forløb</li><li>Tilfredshed med forløbsprogrammerne</li><li>Overholdelse af syv-dagesfristen på genoptræning</li><li>Antal huller i tænderne hos fem-årige.</li></ol><p>Dette er anden udgave af kvalitetsrapporten, og hvor det er muligt viser rapporten udviklingen i data fra 2019 til 2020.</p><p>Nedenfor fremhæves enkelte tendenser for hvert område, med det forbehold, at kvalitetsrapporten endnu kun indeholder data for to år – og på flere områder alene data fra 2020 – hvorfor grundlaget for at påpege udviklingstendenser er spinkelt.</p><p>Ældreområdet:</p><ul><li>Der ses en lille tendens til større tilfredshed blandt borgere, der modtager privat hjemmepleje i 2020. Hvorvidt dette er et generelt billede, kan data ikke fortælle, da opgørelsen alene er lavet for 2020.</li><li>Den gennemsnitlige ventetid på plejeboliggarantien stiger fra 2019 til 2020. Datagrundlaget er dog for spinkelt til at kunne fortælle om, det er en generel udvikling eller udtryk for naturlige fluktuationer.</li></ul><p>Socialområdet:</p><ul><li>Af de sager Fronten behandler vedrørende udsættelse af egen bolig, lykkes det i 76 pct. af tilfældene at fastholde borgerne i deres bolig.</li><li>Tilfredshedsmålingen for pilotprojektet om pædagogiske hjemmepleje viser, at de borgere der nu modtager pædagogiske hjemmepleje har en markant højere tilfredshed med den hjælp de modtager.</li></ul><p>Sundhedsområdet:</p><ul><li>Forebyggelsesenheden egen undersøgelse af tilfredshed hos borgere i forløb viser, at 92 pct. af borgerne er tilfredse med de sundhedstilbud, de har deltaget i.</li></ul>',
    financialText: '<p>Ingen økonomiske konsekvenser</p>',
    attachments: [
      { title: 'Kvalitetsrapport for social- og sundhedsområdet 2020', recommended: true },
    ],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Voksne og Sundhed samt Center for Arbejdsmarked',
      points: [
        '<p>Kvalitetsrapport for social- og sundhedsområdet 2020 tages til efterretning.</p>',
      ],
    },
    decision: '<p>Taget til efterretning</p>',
  },
];
