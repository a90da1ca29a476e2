// Full-text indexes with the cjk analyzer (Lucene bigrams), so a two-character part of a
// Chinese name finds the person. Persons are found by name, resident ID, phone or plate.
// Parameters: none. Idempotent (IF NOT EXISTS).
CREATE FULLTEXT INDEX person_text IF NOT EXISTS FOR (n:Person) ON EACH [n.name, n.idNumber, n.phones, n.plates] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX case_text IF NOT EXISTS FOR (n:Case) ON EACH [n.id, n.title, n.description, n.mo] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
CREATE FULLTEXT INDEX location_text IF NOT EXISTS FOR (n:Location) ON EACH [n.id, n.name, n.address, n.town] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
