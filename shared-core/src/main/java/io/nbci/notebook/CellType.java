package io.nbci.notebook;

/** The three nbformat 4 cell types. */
public enum CellType {
    CODE("code"), MARKDOWN("markdown"), RAW("raw");

    private final String json;

    CellType(String json) {
        this.json = json;
    }

    /** The value of {@code cell_type} in the JSON. */
    public String json() {
        return json;
    }

    public static CellType fromJson(String value) {
        for (CellType type : values()) {
            if (type.json.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
