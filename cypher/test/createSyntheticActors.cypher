// $count synthetic actors for the keyset-paging test, named "Synthetic actor 00001" ... so that
// their order is known. Never used outside tests.
UNWIND range(1, $count) AS i
WITH i, 'Synthetic actor ' + right('0000' + toString(i), 5) AS name
CREATE (:Entity:Actor {
  id: 'synthetic-' + toString(i), name: name, nameEn: name, aliases: [], aliasText: '',
  matchKeys: [toLower(name)], sortKey: toLower(name), kind: 'company',
  sourceDocs: ['https://example.org/synthetic'], quotes: ['synthetic'], origin: 'synthetic'
})
