"""The bundled mock bank: a mobile web app of KB국민인증서 issuance with a real CA and SQLite store."""
