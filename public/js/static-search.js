/* Starts Pagefind's search UI on the static site's /soeg page, in Danish. */
(function () {
  'use strict';
  if (typeof window.PagefindUI !== 'function') return;
  new window.PagefindUI({
    element: '#search',
    showSubResults: true,
    showImages: false,
    translations: {
      placeholder: 'Søg i dagsordener og referater',
      clear_search: 'Ryd',
      load_more: 'Vis flere resultater',
      search_label: 'Søg',
      zero_results: 'Ingen resultater for [SEARCH_TERM]',
      many_results: '[COUNT] resultater for [SEARCH_TERM]',
      one_result: '1 resultat for [SEARCH_TERM]',
      searching: 'Søger efter [SEARCH_TERM] …',
    },
  });
})();
