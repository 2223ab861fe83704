// Uniqueness of education level ids. No parameters.
CREATE CONSTRAINT education_level_id IF NOT EXISTS FOR (n:EducationLevel) REQUIRE n.id IS UNIQUE
