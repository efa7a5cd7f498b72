package org.ippc.cpm.domain.shared;

/** The name the API gives a command: its record's simple name in lower camel case ({@code SelectPriority} is {@code selectPriority}). */
public final class ApiName {

    private ApiName() {}

    public static String of(Class<?> command) {
        return of(command.getName());
    }

    /** Of a class name, simple or qualified ({@code org.ippc...SelectPriority}, as Axon names a command message). */
    public static String of(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.isEmpty() ? simple : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
