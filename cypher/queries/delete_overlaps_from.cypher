// Deletes the derived overlap edges out of roles. $ids: [string]. Returns deleted.
UNWIND $ids AS id
MATCH (:Role {id: id})-[o:OVERLAPS]->(:Role)
DELETE o
RETURN count(*) AS deleted
