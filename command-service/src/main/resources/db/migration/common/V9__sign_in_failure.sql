-- Failed sign-ins of the embedded profile's users, per user and address, shared by every node (SignInThrottle).
CREATE TABLE sign_in_failure (
    username     VARCHAR(200) NOT NULL,
    address      VARCHAR(100) NOT NULL,
    failures     INTEGER      NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (username, address)
);
CREATE INDEX sign_in_failure_window ON sign_in_failure (window_start);
