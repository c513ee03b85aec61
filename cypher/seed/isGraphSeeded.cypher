// True when the graph holds any curated entity: then start-up does not load seed/ again.
RETURN EXISTS { MATCH (:Entity) } AS seeded
