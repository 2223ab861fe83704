// Deletes every derived overlap edge. No parameters. Returns deleted.
MATCH (:Role)-[o:OVERLAPS]->(:Role)
DELETE o
RETURN count(*) AS deleted
