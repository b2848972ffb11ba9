package io.downline.user.rest.dto;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.downline.user.service.GenealogyTree;

/** A depth-limited genealogy tree for display; {@code truncated} says the node limit cut it short. */
public record TreeView(Node root, int depth, int nodes, boolean truncated) {

    /** A member and their children; a leaf carries no {@code children}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(GenealogyNodeView member, List<Node> children) {

        static Node of(GenealogyTree.Branch branch, boolean full) {
            List<Node> children = branch.children().stream().map(child -> of(child, full)).toList();
            return new Node(GenealogyNodeView.of(branch.member(), full), children.isEmpty() ? null : children);
        }
    }

    public static TreeView of(GenealogyTree tree, boolean full) {
        return new TreeView(Node.of(tree.root(), full), tree.depth(), tree.nodes(), tree.truncated());
    }
}
