package dev.frontdesk.server.admin;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Bodies the admin API accepts. Unknown fields and wrong types are refused by the strict mapper. */
final class AdminRequests {
    private AdminRequests() {
    }

    record TenantBody(List<String> hosts, JsonNode settings) {
    }

    record AccountBody(String username, String password, String type, String email, String firstName,
                       String lastName, Long idleTimeoutSeconds, List<String> accessRights, List<String> segments,
                       Boolean enabled, Map<String, String> properties, String passwordHash) {
    }

    record PasswordBody(String password) {
    }

    record AdministratorBody(String username, String password, String role, List<String> tenants) {
        @Override
        public String toString() {
            return "AdministratorBody[" + username + ", " + role + "]";
        }
    }

    record AdministratorPatch(String password, String role, List<String> tenants) {
        @Override
        public String toString() {
            return "AdministratorPatch[" + role + "]";
        }
    }

    record PasskeyBody(String id, String clientDataJSON, String attestationObject, List<String> transports) {
    }

    record CodeBody(String code) {
        @Override
        public String toString() {
            return "CodeBody[...]";
        }
    }

    record ClientBody(String clientId, String clientSecret, String name, String adminRole, List<String> tenants) {
    }
}
