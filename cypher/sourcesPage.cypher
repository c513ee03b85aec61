// One page of source documents in id (file name) order after $fromId.
MATCH (s:Source)
WHERE s.id > $fromId
RETURN s { .* } AS source
ORDER BY s.id
LIMIT toInteger($limit)
