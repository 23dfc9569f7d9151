package vn.kehoach.document.internal;

/**
 * What the task template can say about a plan task: {{text}}, {{lead}} (cơ quan chủ trì) and {{deadline}}
 * (dd/MM/yyyy), each empty when not set.
 */
public record TaskView(String text, String lead, String deadline) {
}
