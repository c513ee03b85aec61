// Source documents by id (file name), for the sourcesById loader.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN id, s { .* } AS source
