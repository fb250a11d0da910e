import type { SeedItem } from './types';

/**
 * Social- og Sundhedsudvalget, 6. april 2021 – punkt 9 til 17.
 * Transcribed from seed 003 (Ballerup Kommune referat). Attachment titles are not
 * given by the seed and have been made up from the items' texts.
 */
export const susItems9to17: SeedItem[] = [
  {
    number: 9,
    title: 'Praksissammenligning på voksen handicap- og psykiatriområdet',
    summary:
      '<p>Som et led i at imødegå de økonomiske udfordringer knyttet til det specialiserede voksenområde, har Ballerup Kommune taget initiativ til et samarbejde med Brøndby og Herlev Kommune om et benchmarke de tre kommuners udgifter op imod hinanden på udvalgte borgersager inden for botilbudsområdet - servicelovens §§ 107 og 108 samt almenboliglovens § 105.</p>' +
      '<p>Undersøgelsen har fokuseret på antal visiterede borgere samt praksis i sagsbehandlingen, for at afdække mulige forskelle i serviceniveauer og sagsbehandlinspraksis, som Ballerup Kommune ville kunne drage læring fra.</p>' +
      '<p>Derudover har administrationen også gennemgået en række borgersager for at efterprøve de afgørelser der i sin tid er truffet, og vurdere om de med Ballerup Kommunes nuværende serviceniveau ville have fået tildelt den samme indsats.</p>',
    background:
      '<p>En undersøgelse fra Kommunernes Landsforening (KL) publiceret i 2. kvartal 2020 med data fra 2019 viste, at Ballerup Kommune havde et højere antal visiterede borgere og et højere udgiftsniveau (taksten) på botilbudsområdet, jf. servicelovens §§ 107 og 108 samt § 105 i Almenboligloven end i sammenlignelige kommuner.</p>' +
      '<p>Herlev og Brøndby Kommuner lå i samme undersøgelse lavere end Ballerup Kommune.</p>' +
      '<p>I et forsøg på at belyse baggrunden for denne forskel, indgik Ballerup Kommune en aftale med Herlev Kommune og Brønby Kommune om benchmarke visitationspraksis og udgifter op imod hinanden på udvalgte borgersager.</p>',
    casePresentation:
      '<p>For at udfordre kommunens serviceniveau på det specialiserede voksenområde, blev der, inspireret af praksis i Herlev og Brøndby kommune, iværksat tre indsatser:</p>' +
      '<ol>' +
      '<li>Der blev gennemført en sammenligning af serviceniveauer og praksis i sagsbehandlingen på botilbudsområdettet.</li>' +
      '<li>Det blev undersøgt om de botilbud, Ballerup kommune henviser til, generelt set er dyrere, end de botilbud som de to andre kommuner henviser til.</li>' +
      '<li>Internt i Ballerup kommunen blev udvalgte borgeresager, hvor borgere var over 65 år gennemgået. Vurderingskriteret var, om borgerne ville kunne gå fra et længerevarende botilbud §108 eller et midlertidigt botilbud §107 til ophold på et plejecenter.</li>' +
      '</ol>' +
      '<h4>Ad 1 - Sammenligning af serviceniveauer:</h4>' +
      '<p>Til sammenligningen af serviceniveauer udvalgte hver kommunale myndighed seks borgersager, der havde været på Visitationsudvalg på myndighedsområdet for Voksen handicap og psykiatri 2019 i de respektive kommuner.</p>' +
      '<p>Lederne fra myndighedsenhederne i de tre kommuner har herefter læst og kommenteret på hinandens afgørelser, og givet deres bud på, hvilken afgørelse de ville træffe i de aktuelle sager på baggrund af den foreliggende dokumentation.</p>' +
      '<p>Ud fra de input der blev givet til Ballerup Kommunes afgørelser, er der blevet udarbejdet tre borger-cases, der kan illustrere medvirkende årsager til, at Ballerup Kommunes udgifter på botilbudsområdet ligger højere end i de sammenlignelige kommuner.</p>' +
      '<p>Hver borger-case beskriver kort:</p>' +
      '<ul>' +
      '<li>Borgerens baggrund</li>' +
      '<li>Udgift</li>' +
      '<li>Udfald af revisitering i dag</li>' +
      '<li>Beskrivelse af de andre kommuners vurderinger på de tilsvarende borgersager.</li>' +
      '</ul>' +
      '<h4>Ad 2 - Sammenligning af takstniveau på benyttede botilbud:</h4>' +
      '<p>Ballerup Kommune fik fremsendt oversigter over alle de botilbud som henholdsvis Herlev og Brøndby Kommune benytter.</p>' +
      '<p>Desværre var det ikke muligt at få fremsendt præcise takster på enkeltsager, og en direkte sammenligning af takstniveauer har derfor ikke været mulig. Materialet giver dog inspiration til at undersøge andre botilbud fremadrettet, hvor borgeres behov kan varetages til en anden takst.</p>' +
      '<h4>Ad 3 - Vurdering af borgersager - botilbud vs. plejebolig</h4>' +
      '<p>I Herlev og Brøndby Kommune er praksis, at borgere i botilbud overgår til ophold på plejecenter når de fylder 65 år. På den baggrund har administrationen gennemgået udvalgte borgersager for borgere over 65 år i botilbud, for at vurdere, om de stadig er i målgruppen til et botilbud.</p>' +
      '<p>Gennemgangen resulterede i fire illustrative borger-cases.</p>' +
      '<p>Af de gennemgåede borgersager, hvor borger bor på et botilbud, men indsatsen betales af ældrerammen vurderes det, at de i dag kunne være i målgruppen for en indstilling til egen bolig eller plejebolig (et mindre indgribende tilbud).</p>' +
      '<p>På Social- og Sundhedsudvalgets møde deltager afsnitsleder Dora Fog og Lotte Fabricius, Social Vejledning, under behandlingen af sagen.</p>',
    financialText: '<p>Ingen økonomiske konsekvenser</p>',
    attachments: [
      { title: 'Borger-cases - sammenligning af serviceniveauer med Herlev og Brøndby Kommune', recommended: true },
      { title: 'Oversigt over botilbud benyttet af Herlev og Brøndby Kommune', recommended: true },
      { title: 'Borger-cases - vurdering af borgersager, botilbud vs. plejebolig', recommended: true },
    ],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Voksne og Sundhed',
      points: ['<p>Sammenligning på voksen handicap- og psykiatriområdet drøftes og tages til efterretning.</p>'],
    },
    decision: '<p>Taget til efterretning</p>',
  },
  {
    number: 10,
    title: 'Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter',
    case: 'kvalitetsstandard-tildeling',
    summary:
      '<p>Afgørelser og Hjælpemidler, Center for Voksne og Sundhed, har opdateret Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter, der senest blev godkendt den 26. november 2018.</p>',
    background:
      '<p>Indholdet er sprogligt opdateret samt tilrettet med centrets nye navn, Center for Voksne og Sundhed – Afgørelser og Hjælpemidler.</p>',
    casePresentation:
      '<p>Ændringerne i sproget skal sikre et opdateret og overskueligt indhold. Kriterier er ikke ændret.</p>',
    financialText: '<p>Ingen økonomiske konsekvenser</p>',
    attachments: [
      { title: 'Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter 2021', recommended: true },
      { title: 'Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter 2021 - med markerede ændringer', recommended: false },
      { title: 'Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter 2018', recommended: false },
    ],
    decidedBy: 'sus',
    // The seed prints "Center for Voksne og Sundhed indstiller, at indstiller, at" (duplicated in the source).
    recommendation: {
      by: 'Center for Voksne og Sundhed',
      points: [
        '<p>Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter godkendes af Social- og Sundhedsudvalget med eventuelle kommentarer.</p>',
        '<p>Kvalitetsstandard for tildeling af handicapegnet bolig og bolig på plejecenter sendes i høring i Seniorrådet og Handicaprådet.</p>',
      ],
    },
    decision: '<p>Indstillingen godkendt</p>',
  },
  {
    number: 11,
    title: 'Ibrugtagning af Bo- og dagtilbud Bybjergvej',
    case: 'bo-og-dagtilbud',
    summary:
      '<p>Bo- og dagtilbud Bybjergvej er taget i brug primo marts 2021. Der har været udfordringer med aflevering af byggeriet, som har præget den første tid i det nye tilbud.</p>' +
      '<p>Social- og Sundhedsudvalget orienteres om status på ibrugtagning af både dag- og botilbuddet.</p>',
    background:
      '<p>I 2016 købte Ballerup Kommune den daværende UCC-bygning på Bybjergvej 25 i Skovlunde, blandt andet med det formål at bygge et nyt, moderne og tidssvarende botilbud samt dagaktivitetstilbud for voksne med handicap.</p>' +
      '<p>Byggeriet blev afleveret den 29. januar 2021, og pr. 8. marts 2021 er både dagtilbuddet og botilbuddet taget i brug.</p>',
    casePresentation:
      '<p>Afslutningen på ombygning af Bo- og dagtilbud Bybjergvej har været præget af forsinkelser og skiftende udmeldinger om projektets status fra entreprenørens side. Det har betydet, at der ved overtagelse af det færdige byggeri har været betydelige mangler, som har skullet adresseres og udbedres. Dette har givet en noget kaotisk opstart for Bo- og dagtilbud Bybjergvej, og organisationen har brugt – og bruger fortsat – mange kræfter på denne del.</p>' +
      '<p>Når disse indledende opstartsvanskeligheder er overkommet, er der dog ingen tvivl om, at de nye bygninger og samlingen af bo- og dagtilbud på fælles matrikel vil komme til at danne rammen om et tilbud af høj kvalitet med mange muligheder.</p>' +
      '<h4>Status på ibrugtagning af dagtilbuddet</h4>' +
      '<p>Dagtilbuddet blev afleveret den 6. januar 2021 med ibrugtagning den 26. januar 2021, og med opstart af aftenklub primo februar 2021. Ved ibrugtagning er alle borgere, der tidligere benyttede Krumtappen, flyttet med til det nye dagtilbud i Skovlunde. Derudover er yderligere en borger, som er flyttet ind i botilbuddet, også startet op i dagtilbuddet. Det betyder, at det samlede antal brugere af dagtilbuddet pt. er 20.</p>' +
      '<p>Tilbuddet er stadig i færd med at finde sig til rette på de nye kvadratmeter og lægge sig fast på den mest optimale indretning og udnyttelse af de nye faciliteter.</p>' +
      '<h4>Status på ibrugtagning af botilbuddet</h4>' +
      '<p>Botilbuddet blev endeligt afleveret fra entreprenørens side den 29. januar 2021. I perioden frem overdragelse af lejlighederne til beboerne den 1. marts 2021 har der fortsat været stor byggeaktivitet, og ved indflytning 1. marts 2021 var der stadig en del mangler, der skulle udbedres.</p>' +
      '<p>Det til trods har beboerne taget godt imod de nye rammer for deres nye hjem.</p>' +
      '<p>De borgere, der er flyttet sammen med andre end dem, de boede med før, siger, at de har valgt rigtigt og er glade.</p>' +
      '<p>Ved ibrugtagning af botilbuddet er 31 ud af 33 boliger udlejet. 29 beboere er flyttet ind i perioden 2. til 8. marts 2021, og to beboere overtager deres lejemål pr. 1. april 2021. Ballerup Kommune betaler tomgangslejen til Ballerup Boligselskab for de to ledige lejemål, og der arbejdes derfor ihærdigt på at finde beboere til de to ledige boliger. Her ser administrationen først og fremmest på, om der er Ballerup-borgere i målgruppen til boligerne, men salg af botilbudspladserne undersøges også.</p>' +
      '<h4>Ny organisering og kultur</h4>' +
      '<p>En af de vigtigste opgaver i det nye botilbud bliver at få skabt en ny fælles kultur – både på beboerniveau og på det organisatoriske niveau. To vigtige områder her er etablering af et nyt bruger-pårørenderåd og et nyt MED-udvalg. De ugentlige brugermøder videreføres i hver bo-gruppe.</p>' +
      '<p>I processen med etablering af botilbuddet har der blandt andet været nedsat en arbejdsgruppe under temaet "Kultur og adfærd", og i regi heraf har der også været drøftelser om blandt andet bruger-pårørenderåd, som et centralt organ i dialogen med ledelsen og Ballerup Kommune om hverdagen i botilbuddet. Der skal derfor nedsættes et nyt bruger-pårørenderåd.</p>' +
      '<p>Der er endnu ikke taget stilling til, hvilken form det nye bruger-pårørenderåd skal have, og hvordan vedtægterne skal udformes osv. Men der har været nogle indledende drøftelser i det eksisterende råd om repræsentation, om hvordan borgerne bedst bliver hørt, og om hvordan tilbuddet kan indbyde til dans med ”Skovlunde” (foreninger, naboer osv.).</p>' +
      '<p>Indtil det formelt er på plads, vil det eksisterende bruger-pårørenderåd fra de tre bofællesskaber være aktivt.</p>' +
      '<p>En status følger, når et nyt bruger-pårørenderåd er etableret.</p>' +
      '<p>Udover etablering af bruger-pårørenderåd, skal der for botilbuddet også nedsættes en afdelingsbestyrelse, som skal samarbejde med Ballerup Boligselskab. Afdelingsbestyrelsen skal være nedsat senest 1. september 2021.</p>' +
      '<h4>Kunstprojekt:</h4>' +
      '<p>Det originale kunstværk, som kunstner Henrik Plenge Jacobsen har skabt til Bo- og dagtilbud Bybjervej, er færdigt og installeret på matriklen. Styregruppen har haft afsluttende møde med kunstner og kunstkonsulenter, hvor kunstværket er blevet præsenteret.</p>' +
      '<p>Med til afleveringen af kunstværket følger også en beskrivelse af værket og tankerne bag. Herudover prioriterer administrationen, at en professionel fotograf levere fotomateriale, der kan anvendes til kommunikation og information om værket. Når dette materiale er klart, fremsendes det til Social- og Sundhedsudvalget til orientering.</p>' +
      '<h4>Officiel indvielse af bo- og dagtilbuddet:</h4>' +
      '<p>Den officielle indvielse af bo- og dagtilbuddet bliver afholdt fredag den 3. september 2021.</p>',
    financialText: '<p>Ingen økonomiske konsekvenser</p>',
    attachments: [],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Voksne og Sundhed',
      points: ['<p>Orientering vedrørende Bo- og dagtilbud Bybjergvej tages til efterretning.</p>'],
    },
    decision: '<p>Taget til efterretning</p>',
  },
  {
    number: 12,
    title: 'Udmøntning af Ballerup Kommunes Pårørendepolitik',
    summary:
      '<p>Social- og Sundhedsudvalget skal træffe beslutning om, hvilken af tre modeller for at udmønte Ballerup Kommunes Pårørendepolitik, administrationen skal arbejde videre med.</p>',
    background:
      '<p>Ballerup Kommunes Pårørendepolitik blev vedtaget i 2019, og i budgettet for 2020 blev der afsat 400.000 kr. årligt til udmøntning af politikken. Udmøntningen blev på grund af corona udskudt til 2021. Social- og Sundhedsudvalget er ansvarlig for udmøntningen.</p>' +
      '<p>Sagen og beslutningen sendes efterfølgende til orientering i Børne- og Skoleudvalget.</p>',
    casePresentation:
      '<p>Ballerup Kommunes Pårørendepolitik er udviklet i tæt samarbejde med pårørende, og politikken gælder for alle pårørende i Ballerup Kommune, uanset hvem man er pårørende til, uanset om man er barn eller voksen, og uanset om man er pårørende til en borger i det ene eller andet center i Ballerup Kommune.</p>' +
      '<p>Undervejs i arbejdet med udarbejdelsen af pårørendepolitikken viste det sig, at pårørende har mange fælles problemstillinger og behov, der knytter sig til det at være pårørende og de udfordringer, som det giver. Det viste sig dog også, at det har betydning, hvilken patientgruppe, man er pårørende til, om man er barn eller voksen, eller om man er pårørende til et barn eller en voksen. Der er nogle problemstillinger, hvor man som pårørende har behov for at være sammen med andre i samme situation.</p>' +
      '<p>Pårørende oplever også, at det kan være svært at finde rundt i, hvilke tilbud der findes i både kommunalt og frivilligt regi.</p>' +
      '<h4>Forslag til udmøntning</h4>' +
      '<p>Både pårørendepolitikken og de afsatte midler er tiltænkt alle pårørende i Ballerup Kommune i form af indsatser, kurser eller lignende direkte til pårørende. Det kan også være i form af løbende kompetenceudvikling af medarbejdere, så de i deres daglige arbejde er rustede og kompetente til at samarbejde med pårørende. Uanset om midlerne fordeles decentralt eller deles til fælles medarbejdertimer, skal der afsættes tid til at igangsætte, udvikle og vedligeholde initiativer.</p>' +
      '<p>Administration i Center for Børne- og Ungerådgivning, Center for Skoler, Institutioner og Kultur samt Center for Voksne og Sundhed har drøftet mulighederne for udmøntning. Den samlede administration peger på tre modeller at udmønte midlerne på, der alle har deres fordele og ulemper.</p>' +
      '<ol>' +
      '<li>Midlerne fordeles ligeligt mellem Center for Børne- og Ungerådgivning, Center for Skoler, Institutioner og Kultur, og Center for Voksne og Sundhed. De enkelte centre er selv ansvarlige for at udmønte midlerne efter de behov, som de hver især lokaliserer. Fordelen er, at det er forholdsvis let at målrette midlerne til de behov, som pårørende til centrets borgere har. Ulempen er, at det vil være få midler for det enkelte center, hvilket begrænser muligheden for at skabe vedvarende fokus på arbejdet.</li>' +
      '<li>Midlerne bruges til en fælles deltidsmedarbejder, der centralt og på tværs af centre kan bruges på at iværksætte og vedligeholde indsatser. Fordelen er, at der kommer en dedikeret indsats til arbejdet. Det betyder, at der vil være et vedvarende fokus på at få udviklet, understøttet og igangsat indsatser. En fælles medarbejder vil også kunne skabe et overblik over tilbud og være formidler og bindeled til diverse foreninger. Ulempen er, at det kan være svært at dække så bredt et område som alle pårørende i Ballerup Kommune. Der er en risiko for, at fokus på de enkelte centres behov ikke er muligt i samme omfang, som der ville være, hvis de enkelte centre selv er ansvarlige for egne indsatser.</li>' +
      '<li>Midlerne indgår i omprioriteringspuljen, og udmøntningen af pårørendepolitikken lægges ind som en del af centrenes drift i form af ledelsesmæssigt fokus og handleplaner. Fordelen er, at midlerne bruges til at bidrage til den nødvendige omprioritering, samtidig med at centrene forpligter sig på at have fokus på udmøntningen. Ulempen er, at der er lidt færre midler til indsatsen, hvilket kan få betydning for hvilken form for ekstra indsatser, der kan iværksættes som fx eksternt indkøb af kompetenceudvikling af medarbejderne.</li>' +
      '</ol>' +
      '<p>På Social- og Sundhedsudvalgets møde deltager Allan Kristensen (C) og Ulrik Falk-Sørensen (F) under behandlingen af sagen.</p>',
    financialText: '<p>Der er årligt afsat 400.000 kr. i budgettet.</p>',
    attachments: [{ title: 'Ballerup Kommunes Pårørendepolitik', recommended: false }],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Børne- og Ungerådgivning, Center for Skoler, Institutioner og Kultur samt Center for Voksne og Sundhed',
      points: [
        '<p>Der træffes beslutning om, hvilken model Social- og Sundhedsudvalget anbefaler, at administrationen arbejder videre med.</p>',
      ],
    },
    decision:
      '<p>Social- og Sundhedsudvalget er enige om model 2, der også skal rumme funktionen som pårørenderådgiver. Udvalget ønsker, at der udarbejdes en handleplan for realisering af pårørendepolitikken, som forelægges og følges op i udvalget.</p>',
  },
  {
    number: 13,
    title: 'Kulturtilbud på plejecentre i Ballerup Kommune',
    summary:
      '<p>Af regeringens rammeaftale for genåbning af Danmark for perioden fra den 6. til den 20. april 2021 af 22. marts 2021 fremgår det, at der er mulighed for at kommunerne, sammen med kulturinstitutionerne, udbyder kulturtilbud til plejehjemsbeboere i perioden.</p>' +
      '<p>Det indstilles, at orienteringen om kulturtilbud på Ballerup Kommunes plejecentre tages til efterretning.</p>',
    background:
      '<p>Af regeringens rammeaftale om plan for genåbning af Danmark, indgået den 22. marts 2021, fremgår det at: ”Aftalepartierne er enige om, at kommunerne får mulighed for, sammen med kulturinstitutionerne, at finde kreative løsninger for kulturtilbud til plejehjemsbeboerne, der for manges vedkommende har været isolerede gennem længere tid”. Ifølge aftalen kan dette allerede ske i perioden fra den 6. til den 20. april 2021.</p>' +
      '<p>Siden 2018 har projektet Musik i Fællesskab - via Ballerup Kommunes lokale musikforeninger, orkestre og kor - medvirket til, at borgere, som ikke selv kan opsøge musikken i lokalsamfundet, tilbydes en musikoplevelse. Der er tale om borgere, som bor på plejecentre, bosteder m.m.</p>' +
      '<p>Musik i Fællesskab er udmøntet som en administrativ pulje, foreningerne kan søge, til dækning af dirigent-/korlederopgaven og transportudgifter forbundet med orkestrenes og korenes koncerter.</p>' +
      '<p>Jf. budgetaftale 2021 punkt 1.2.3, afsættes der 0,11 mio. kr. årligt til etablering og videreførelse af musikfællesskaber.</p>',
    casePresentation:
      '<p>Regeringens rammeaftale om plan for genåbning af Danmark giver kommunerne mulighed for, sammen med kulturinstitutionerne, at skabe kulturtilbud til beboerne på plejehjem. Denne del af genåbningen foregår allerede fra den 6. april 2021.</p>' +
      '<p>Center for Skoler, Institutioner og Kultur samt Center for Voksne og Sundhed ser meget positivt på denne mulighed, og ønsker, i samarbejde med kulturinstitutionerne at sikre, at der er kulturtilbud til plejehjemsbeboere med virkning fra omkring den 7. til den 8. april 2021.</p>' +
      '<p>Tilbud som eksempelvis at Ballerup Musik- og Kulturskoles yngste elever optræder med musik, at Ballerup Bibliotekerne faciliterer samtalesaloner og eksempelvis i samarbejde med Ballerup Museum arrangerer erindringscaféer og, at de unge musikere fra Mere Monitor og det musikske foreningsliv optræder med koncerter.</p>' +
      '<p>Alle tilbud fra kulturinstitutionerne overholder COVID-19-restriktionerne. Administrationen afventer offentliggørelsen af retningslinjerne.</p>' +
      '<p>Som aftalepartierne bemærker, så har plejehjemsbeboerne været isoleret i en længere periode. En hurtig indsats fra kulturinstitutionerne i form af målrettet tilbud til beboerne vil således have stor betydning.</p>' +
      '<p>For at have mulighed for at dække de udgifter, der er forbundet med at arrangere disse kulturtilbud, foreslår administrationen, at en del af midlerne fra ”Musik i Fælleskab” i 2021 (45.000 kr.) afsættes til dette formål. På grund af COVID-19 er der endnu ikke søgt eller forbrugt midler fra Musik i Fællesskab i 2021.</p>' +
      '<p>Kultur- og Fritidsudvalget behandler sagen om bevilling af 45.000 kr. fra puljen Musik i Fællesskab til kulturtilbud på plejecentre i Ballerup Kommune på mødet den 6. april 2021.</p>',
    financialText:
      '<p>Der er jf. Aftale om budget 2021 punkt 1.2.3 afsat 0,11 mio. kr. årligt til Musik i Fællesskab.</p>',
    attachments: [{ title: 'Oversigt over kulturtilbud til plejehjemsbeboere i april 2021', recommended: true }],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Skoler, Institutioner og Kultur',
      points: ['<p>Orienteringen om kulturtilbud på Ballerup Kommunes plejecentre tages til efterretning.</p>'],
    },
    decision: '<p>Taget til efterretning</p>',
  },
  {
    number: 14,
    title: 'Sundhedspolitik',
    case: 'sundhedspolitik',
    summary:
      '<p>I denne sag skal Social- og Sundhedsudvalget godkende forslag til Sundhedspolitik for Ballerup Kommune med henblik på, at forslaget sendes i høring i de øvrige fagudvalg.</p>',
    background:
      '<p>I august 2020 fremlagde administrationen et første udkast til ny Sundhedspolitik for Ballerup Kommune i Social- og Sundhedsudvalget. På mødet havde udvalget en drøftelse, der førte til ønske om et nyt udkast til sundhedspolitik.</p>' +
      '<p>I marts 2021 fremlagde administrationen et andet udkast til ny sundhedspolitik i Social- og Sundhedsudvalget. Udvalget havde en række ændringsforslag til udkastet, og det blev besluttet, at der skulle fremlægges et tredje udkast til sundhedspolitik.</p>' +
      '<p>Det er dette nye udkast, der nu fremlægges til drøftelse i Social- og Sundhedsudvalget.</p>',
    casePresentation:
      '<p>Administrationen forelægger et nyt udkast til Sundhedspolitik for Ballerup Kommune.</p>' +
      '<p>En væsentlig ændring på et overordnet plan er tilføjelsen af delafsnit. Disse er tilført for at fremme læsevenligheden.</p>' +
      '<p>De væsentligste ændringer i de enkelte afsnit er beskrevet nedenfor:</p>' +
      '<h4>Forord:</h4>' +
      '<ul>' +
      '<li>De overordnede mål for den nye Sundhedspolitik, som fremgik af Kommissorium for udarbejdelse af Sundhedspolitik, er skrevet ind. Det drejer sig om, at "alle børn skal have en tryg opvækst”, samt at alle borgere skal have mulighed for at leve et godt, langt og meningsfuldt liv”.</li>' +
      '<li>Det er blevet præciseret, at der er ”for mange unge, der begynder at bruge tobaksprodukter”. Før stod der, at "der er flere unge, som begynder at bruge tobak".</li>' +
      '<li>Begrebet ulighed i sundhed er blevet defineret tydeligere med et eksempel.</li>' +
      '<li>Der er tilføjet en henvisning til FN’s tredje verdensmål.</li>' +
      '<li>Borgmesteren står som afsender på politikken.</li>' +
      '</ul>' +
      '<h4>Sundhed er et fælles ansvar:</h4>' +
      '<ul>' +
      '<li>Overskriften er blevet ændret. Før var overskriften Sundhed i Ballerup Kommune.</li>' +
      '<li>Det er blevet betonet i starten af afsnittet, at det først og fremmest er det enkelte menneske, som har ansvar for eget liv og sundhed.</li>' +
      '<li>Der er tilføjet ekstra tekst om, hvordan Ballerup Kommune arbejder med at fremme sundheden i kommunen. Det står under delafsnittet ”Brug af bedste viden og systematik i indsatsen”.</li>' +
      '</ul>' +
      '<h4>Mål mod 2029:</h4>' +
      '<ul>' +
      '<li>Der er tilføjet et nyt mål om alkohol.</li>' +
      '<li>Ordlyden på målet, som omhandler mental sundhed, er blevet ændret. Det er nu målet om mental sundhed, som blev godkendt med Kommissorium for udarbejdelse af Sundhedspolitik, som benyttes. Før var målet formuleret således: "Færre afbryder uddannelse eller mister kontakten til arbejdsmarkedet på grund af dårlig mental sundhed".</li>' +
      '<li>Der er tilføjet et mål om kronisk sygdom. Dette mål var med i det omtalte kommissorium.</li>' +
      '</ul>' +
      '<h4>Ballerup-borgernes sundhed:</h4>' +
      '<ul>' +
      '<li>Alle fakta om sundhedstilstanden i Ballerup Kommune er samlet i dette afsnit, så der bliver et visuelt overblik, som understøtter prioriteringen af målene frem mod 2029.</li>' +
      '</ul>' +
      '<h4>Mere lighed i sundhed:</h4>' +
      '<ul>' +
      '<li>Forebyggelse af overvægt er blevet skrevet ind i dette afsnit.</li>' +
      '<li>Der er tilføjet et afsnit, som omhandler overforbrug af alkohol. Der er fokus på familier, der er belastet af alkohol. Der er valgt denne vinkel, da det har meget store konsekvenser for børn at vokse op i en familie, der er belastet af alkohol.</li>' +
      '</ul>' +
      '<p>Der er ingen større ændringer i afsnittene ”Mere bevægelse i hverdagen”, ”Bedre mental sundhed”, ”Tættere samarbejde med de alment praktiserende læger” samt ”Udmøntning”.</p>' +
      '<p>Sundhedspolitikken er på baggrund af de politiske ønsker Fredt formuleret og har derfor en del fællesmængder med en række andre fagpolitikker og strategier. Det gælder fx Beskæftigelsesstrategien, Børne- og Ungestrategien og Frivillighedspolitikken. En væsentlig del af implementeringen af Sundhedspolitikken er derfor at sikre sammenhæng til øvrige politikker og strategier og undgå overlap i rapporteringerne.</p>',
    financialText: '<p>Ingen økonomiske konsekvenser</p>',
    attachments: [{ title: 'Udkast til Sundhedspolitik for Ballerup Kommune', recommended: true }],
    decidedBy: 'sus',
    recommendation: {
      by: 'Center for Voksne og Sundhed',
      points: [
        '<p>Udkast til Sundhedspolitik for Ballerup Kommune godkendes.</p>',
        '<p>Udkast til Sundhedspolitik for Ballerup Kommune sendes i høring i øvrige fagudvalg.</p>',
      ],
    },
    pointDecisions: [
      {
        point: 1,
        text:
          '<p>Godkendt med følgende ændring til sundhedspolitikkens afsnit ”Sundhed er et fælles ansvar” side 2, 3. og 4. sætning slettes og erstattes med:</p>' +
          '<p>Vi bærer så et fælles ansvar, der løftes af både borgere, foreninger, kommunens ansatte og øvrige samarbejdspartnere på sundhedsområdet, for at understøtte og skabe gode rammer for borgernes sundhed og trivsel, der gør det sunde valg til det nemme valg.</p>',
      },
      { point: 2, text: '<p>Godkendt.</p>' },
    ],
    amendments: [
      {
        proposedBy: ['kaare-harder-olesen'],
        point: 1,
        text: '<p>Under afsnittet "En tryg barndom" tilføjes følgende afsnit: "Børn har ret til deres egne kroppe, og skal have en god start på livet og en sund og tryg opvækst. Omskæring har omfattende negative konsekvenser og indebærer en række risici, som barnet skal leve med resten af livet. Ballerup Kommune vil derfor prioritere indsatser, der forebygger, at børn under 18 år udsættes for religiøst eller kulturelt begrundet omskæring eller anden kønskirurgi, som ikke er helbredsmæssigt begrundet".</p>',
        outcome: 'rejected',
        vote: {
          for: ['kaare-harder-olesen', 'jack-noer', 'birgitte-dahl'],
          against: ['lolan-ottesen', 'dennis-soerensen', 'maria-lundahl-assov', 'ali-abbasi'],
        },
      },
    ],
    dissents: [
      {
        persons: ['kaare-harder-olesen', 'jack-noer', 'birgitte-dahl'],
        point: 1,
        text: 'kunne ikke godkende indstillingens punkt 1, da ændringsforslaget ikke blev vedtaget.',
      },
    ],
  },
  {
    number: 15,
    title: 'Fagligt oplæg og input til Integrationsstrategi i Ballerup Kommune',
    case: 'integrationsstrategi',
    summary:
      '<p>Integrationsstrategien har været i høring i fagudvalgene i februar måned 2021. Her blev der efterspurgte et oplæg om integrationsstrategien for at give bedre mulighed for at komme med input til den videre udvikling.</p>' +
      '<p>Administrationen kommer med et oplæg om integrationsstrategien.</p>' +
      '<p>Sagen forelægges i de fem fagudvalg (Social- og Sundhedsudvalget, Kultur- og Fritidsudvalget, Teknik- og Miljøudvalget, Børne- og Skoleudvalget samt Erhvervs- og Beskæftigelsesudvalget).</p>',
    background:
      '<p>Den 22. februar 2021 vedtog Kommunalbestyrelsen den nye Integrationspolitik i Ballerup Kommune.</p>' +
      '<p>Udmøntning af politikken sker gennem en integrationsstrategi, som administrationen har lavet et udkast til.</p>' +
      '<p>Kommunalbestyrelsen har besluttet, at processen for færdiggørelse af integrationsstrategien ser således ud:</p>' +
      '<ul>' +
      '<li>April 2021: Der gives faglige oplæg om integrationsstrategien i fagudvalgene, som giver input til den videre udvikling.</li>' +
      '<li>April - maj 2021: Administrationen samler input fra organisation og eksterne aktører.</li>' +
      '<li>Juni 2021: Forslag til integrationsstrategien fremlægges til endelig beslutning i Kommunalbestyrelsen.</li>' +
      '</ul>',
    casePresentation:
      '<p>Idéoplægget til integrationsstrategien er bygget op om fire indsatsområder:</p>' +
      '<ul>' +
      '<li>Beskæftigelse – selvforsørgelse igennem job og uddannelse</li>' +
      '<li>Uddannelse – opnåelse af uddannelseskompetencer</li>' +
      '<li>Boligsociale indsatser – inklusion af borgere med ikke-vestlige baggrund i boligsociale fællesskaber</li>' +
      '<li>Demokratisk dannelse – deltagelse i demokratiet, både det formelle og beboer- og foreningsdemokratiet, samt styrkelse af danskkundskaber.</li>' +
      '</ul>' +
      '<p>Administrationen kommer med et oplæg om integrationsstrategiens indsatsområdes mål, hvordan der kan måles og hvilke indsatser, der kan komme i spil.</p>' +
      '<p>Oplægget skal kvalificere udvalgets drøftelse og input til det videre arbejde med strategien. Fagudvalgenes input til integrationsstrategien fra januar 2021 kan ses i bilag.</p>' +
      '<p>Efter fagudvalgenes drøftelser arbejder administrationen videre med input og afstemmer dem med andre igangværende aktiviteter.</p>' +
      '<p>På Social- og Sundhedsudvalgets møde deltager teamleder Lotte Kim Andersen fra Integrationsteamet i Center for Arbejdsmarked under behandlingen af sagen.</p>',
    financialText: '<p>Ingen økonomiske konsekvenser</p>',
    attachments: [
      { title: 'Oplæg om Integrationsstrategi i Ballerup Kommune', recommended: true },
      { title: 'Idéoplæg til Integrationsstrategi i Ballerup Kommune', recommended: true },
      { title: 'Integrationspolitik for Ballerup Kommune', recommended: true },
      { title: 'Fagudvalgenes input til integrationsstrategien, januar 2021', recommended: true },
    ],
    decidedBy: 'sus',
    recommendation: {
      by: 'Direktør Mette Vaaben Mortensen',
      points: [
        '<p>Det faglige oplæg til Integrationsstrategi i Ballerup Kommune tages til efterretning.</p>',
        '<p>Der gives input til Integrationsstrategi i Ballerup Kommune.</p>',
      ],
    },
    decision:
      '<p>Indstillingen godkendt med følgende bemærkning:</p>' +
      '<p>Social- og Sundhedsudvalget er enige om, at sundhedsindsatsen er en understøttende indsats til at nå målene for uddannelse og beskæftigelse for målgruppen, som fx ved forebyggelse, sundhedsfremme, samt styrket dialog og samarbejde med almen praksis om målgruppen.</p>',
  },
  {
    number: 16,
    title: 'Erhvervs- og Vækstpolitik 2021-2025',
    case: 'erhvervs-og-vaekstpolitik',
    summary:
      '<p>Erhvervs- og Vækstpolitikken i Ballerup Kommune har været i høring i Børne- og Skoleudvalget samt Teknik- og Miljøudvalget, og høringssvarene er kommenteret af Erhvervs- og Beskæftigelsesudvalget.</p>' +
      '<p>Erhvervs- og Vækstpolitik 2021-2025 sendes nu i høring i Social- og Sundhedsudvalget, Teknik- og Miljøudvalget, Kultur- og Fritidsudvalget samt Børne- og Skoleudvalget.</p>',
    background:
      '<p>Erhvervs- og Vækstpolitikken skal justeres, så den passer med de politiske målsætninger for erhvervsudviklingen i de kommende fire år. Derfor har Erhvervs- og Beskæftigelsesudvalget arbejdet med indholdet, og modtaget kommentarer fra Børne- og Skoleudvalget samt Teknik- og Miljøudvalget.</p>',
    casePresentation:
      '<p>Administrationen har tilrettet den nuværende version af politikken på baggrund af høringssvarene fra Børne- og Skoleudvalget samt Teknik- og Miljøudvalget.</p>' +
      '<p>Administration har udarbejdet en tids- og procesplan til færdiggørelse af Erhvervs- og Vækstpolitikken.</p>' +
      '<h4>Tids- og procesplan:</h4>' +
      '<ul>' +
      '<li>April 2021: Erhvervs- og Vækstpolitikken sendes i høring i Social- og Sundhedsudvalget, Teknik- og Miljøudvalget, Kultur- og Fritidsudvalget samt Børne- og Skoleudvalget.</li>' +
      '<li>Maj 2021: Erhvervs- og Vækstpolitikken behandles i Erhvervs- og Beskæftigelsesudvalget den 11. maj 2021 og i Økonomiudvalget den 25. maj 2021 inden endelig vedtagelse i Kommunalbestyrelsen den 31. maj 2021.</li>' +
      '</ul>' +
      '<p>Børne- og Skoleudvalget samt Teknik- og Miljøudvalgets tilbagemeldinger på Erhvervs- og Vækstpolitikken kan ses i bilag.</p>',
    financialText: '<p>Ingen økonomiske konsekvenser</p>',
    attachments: [
      { title: 'Erhvervs- og Vækstpolitik 2021-2025', recommended: true },
      { title: 'Høringssvar fra Børne- og Skoleudvalget', recommended: true },
      { title: 'Høringssvar fra Teknik- og Miljøudvalget', recommended: false },
    ],
    decidedBy: 'sus',
    // The seed prints "Center for By, Erhverv og Miljø indstiller at:" (without the usual comma).
    recommendation: {
      by: 'Center for By, Erhverv og Miljø',
      points: ['<p>Der afgives høringssvar til Erhvervs- og Vækstpolitik 2021-2025.</p>'],
    },
    decision:
      '<p>Indstillingen godkendt.</p>' +
      '<p>Social- og Sundhedsudvalget har ingen kommentarer.</p>',
  },
  {
    number: 17,
    title: 'Godkendelse af referat (underskriftside)',
    kind: 'minutes_approval',
    decidedBy: 'sus',
    // No recommendation and no decision: for a minutes_approval item the app itself prints the
    // fixed text "For at godkende referatet for dette møde skal alle medlemmer af udvalget
    // klikke på "Godkendt"." (the seed's "Indstilling" section for this punkt).
  },
];
