package io.downline.user.rest.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A depth-limited genealogy tree for display; {@code truncated} says the node limit cut it short. */
public record TreeView(Node root, int depth, int nodes, boolean truncated) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(GenealogyNodeView member, List<Node> children) {
    }

}
