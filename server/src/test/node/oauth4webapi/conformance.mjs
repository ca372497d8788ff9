// oauth4webapi, unchanged, against Frontdesk: RFC 8414 discovery, the client-credentials grant with
// client_secret_basic (form-encoded per RFC 6749 2.3.1 by the library), RFC 7662 introspection of the
// token and of a session, RFC 7009 revocation. Prints one JSON object; the Java test asserts on it.
import * as oauth from 'oauth4webapi';

const issuer = new URL(process.env.FRONTDESK_URL);
const client = { client_id: process.env.CLIENT_ID };
const clientAuth = oauth.ClientSecretBasic(process.env.CLIENT_SECRET);
const session = process.env.SESSION;
const insecure = { [oauth.allowInsecureRequests]: true };

const as = await oauth.processDiscoveryResponse(issuer,
  await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
const grant = await oauth.processClientCredentialsResponse(as, client,
  await oauth.clientCredentialsGrantRequest(as, client, clientAuth, new URLSearchParams(), insecure));
const token = grant.access_token;
const aboutToken = await oauth.processIntrospectionResponse(as, client,
  await oauth.introspectionRequest(as, client, clientAuth, token, insecure));
const aboutSession = await oauth.processIntrospectionResponse(as, client,
  await oauth.introspectionRequest(as, client, clientAuth, session, insecure));
await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, clientAuth, token, insecure));
const afterRevocation = await oauth.processIntrospectionResponse(as, client,
  await oauth.introspectionRequest(as, client, clientAuth, token, insecure));

console.log(JSON.stringify({
  issuer: as.issuer,
  tokenType: grant.token_type,
  tokenActive: aboutToken.active,
  tokenClientId: aboutToken.client_id,
  sessionActive: aboutSession.active,
  sessionUsername: aboutSession.username,
  activeAfterRevocation: afterRevocation.active,
}));
