// Source documents read backward (last/before): in descending id (file name) order before
// $fromId ("\uffff" from the end); src/queries/connections.ts puts the page back in order.
MATCH (s:Source)
WHERE s.id < $fromId
RETURN s { .* } AS source
ORDER BY s.id DESC
LIMIT toInteger($limit)
