package org.ippc.cpm.query.generated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ippc.cpm.command.HttpApi;

/**
 * A command body the engine accepts in the state the seed story leaves (the pilot under management at the open
 * session CPM-11), as the user who may send it. {@code #} in the body stands for a number new to each body, so that
 * identifiers do not repeat; {@code prelude} are commands sent first (a proposal needs an analysed round).
 */
record CommandTemplate(String user, String command, String body) {

    static List<CommandTemplate> all() {
        String pilot = "\"programmeId\":\"surveillance-pilot\"";
        String funds = "\"resource\":{\"kind\":\"FUNDS\",\"valueUsd\":250000.5,\"description\":\"Trust fund\"}";
        return List.of(
                new CommandTemplate("ke", "pledgeResources", "{" + pilot + "," + funds + ",\"rationale\":\"Pledge\"}"),
                new CommandTemplate(
                        "nz", "contributeResources", "{" + pilot + "," + funds + ",\"rationale\":\"Contribution\"}"),
                new CommandTemplate(
                        "finance-committee",
                        "recordResourceMobilisation",
                        "{" + pilot + "," + funds + ",\"rationale\":\"Donors\"}"),
                new CommandTemplate(
                        "secretariat",
                        "recordManagementActivity",
                        "{" + pilot + ",\"activity\":\"MONITORING\",\"rationale\":\"Quarterly review\"}"),
                new CommandTemplate(
                        "br",
                        "recordPartyEngagement",
                        "{" + pilot + ",\"engagement\":\"COMMITMENT\",\"rationale\":\"Joins\"}"),
                new CommandTemplate("bureau", "giveGuidance", "{" + pilot + ",\"rationale\":\"Two regions first\"}"),
                new CommandTemplate(
                        "secretariat",
                        "appointExpert",
                        "{" + pilot + ",\"expertId\":\"gen-#\",\"name\":\"Ana Expert\",\"expertise\":\"Surveillance\","
                                + "\"rationale\":\"Advice\"}"),
                new CommandTemplate(
                        "secretariat",
                        "reportProgress",
                        "{" + pilot + ",\"sessionId\":\"CPM-11\",\"documentReference\":\"CPM 2016/20\","
                                + "\"rationale\":\"Progress\"}"),
                new CommandTemplate(
                        "secretariat",
                        "recordSideSession",
                        "{" + pilot + ",\"sessionId\":\"CPM-11\",\"title\":\"How to contribute\","
                                + "\"rationale\":\"Held\"}"),
                new CommandTemplate(
                        "secretariat",
                        "correctRecord",
                        "{" + pilot + ",\"correctedSequence\":2,\"correction\":\"Second sitting\","
                                + "\"rationale\":\"Minutes\"}"),
                new CommandTemplate(
                        "cpm",
                        "recordDecision",
                        "{\"decisionId\":\"CPM-11-G#\",\"sessionId\":\"CPM-11\",\"number\":#,\"text\":\"Report back\","
                                + "\"actionItems\":[{\"itemId\":\"1a\",\"addressee\":\"SECRETARIAT\","
                                + "\"dueSession\":\"CPM-12\",\"request\":\"Report progress\"}],\"rationale\":\"Plenary\"}"),
                new CommandTemplate(
                        "cpm", "scheduleSession", "{\"sessionId\":\"CPM-#\",\"year\":#+2005,\"rationale\":\"Rome\"}"),
                new CommandTemplate(
                        "secretariat",
                        "proposePriority",
                        "{\"roundId\":\"ROUND-CPM-12\",\"programmeId\":\"gen-#\",\"optionId\":\"gen\","
                                + "\"title\":\"Pest free areas\",\"conventionArticle\":\"Article IV.2(b) of the Convention\","
                                + "\"highLevelPlan\":{\"situationAnalysis\":\"p\",\"highLevelGoal\":\"g\",\"objective\":\"o\","
                                + "\"scope\":\"s\",\"potentialActivities\":\"a\",\"indicatorsOfSuccess\":\"i\"},\"rationale\":\"Ranked first\"}"));
    }

    /** The commands that make {@code proposePriority}'s round: CPM-12 with an analysed option "gen". */
    static List<String[]> round() {
        String round = "\"roundId\":\"ROUND-CPM-12\"";
        return List.of(
                new String[] {"cpm", "scheduleSession", "{\"sessionId\":\"CPM-12\",\"year\":2017,\"rationale\":\"r\"}"},
                new String[] {
                    "secretariat",
                    "openRound",
                    "{\"sessionId\":\"CPM-12\",\"inputDeadline\":\"2099-12-31T23:59:59Z\",\"rationale\":\"r\"}"
                },
                new String[] {"nz", "submitInput", "{" + round + ",\"documentReference\":\"d\",\"rationale\":\"r\"}"},
                new String[] {
                    "secretariat",
                    "establishSelectionCriteria",
                    "{" + round + ",\"criteria\":[\"impact\"],\"rationale\":\"r\"}"
                },
                new String[] {"secretariat", "closeInput", "{" + round + ",\"rationale\":\"r\"}"},
                new String[] {
                    "secretariat",
                    "completeAnalysis",
                    "{" + round + ",\"options\":[{\"optionId\":\"gen\",\"title\":\"Generated\","
                            + "\"assessments\":[{\"criterion\":\"impact\",\"finding\":\"high\"}]}],"
                            + "\"documentReference\":\"d\",\"rationale\":\"r\"}"
                });
    }

    /** The body with {@code #} as {@code number} ({@code #+2005}: that sum). */
    ObjectNode instance(long number) {
        try {
            return (ObjectNode) HttpApi.JSON.readTree(
                    body.replace("#+2005", Long.toString(number + 2005)).replace("#", Long.toString(number)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paths of the body's text and number values ({@code resource.valueUsd}, {@code actionItems[0].itemId}). */
    List<String> leaves() {
        List<String> paths = new ArrayList<>();
        collect(instance(1), "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", paths);
            }
        } else {
            paths.add(path);
        }
    }

    @Override
    public String toString() {
        return user + " " + command;
    }
}
