// One user by user name, with the password hash and recent failed sign-ins (for sign-in).
// Parameters: $username. Columns: user (all properties).
MATCH (u:User {username: $username})
RETURN u {.*} AS user
