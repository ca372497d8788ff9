-- Gateway rules (issue 17): each tenant's ordered list of rules for the forward-auth endpoint.
-- Lists are JSON text like the accounts' access rights; an empty list means "no condition".
CREATE TABLE gateway_rules (
    tenant         VARCHAR(64) NOT NULL,
    rule_index     INTEGER NOT NULL,
    path_prefix    VARCHAR(1024) NOT NULL,
    methods        VARCHAR(8000) NOT NULL,
    channels       VARCHAR(100000) NOT NULL,
    account_types  VARCHAR(8000) NOT NULL,
    access_rights  VARCHAR(100000) NOT NULL,
    PRIMARY KEY (tenant, rule_index)
);
