package io.downline.user.service;

import java.util.List;

import io.downline.user.domain.TreeNode;

/**
 * A member and their downline to {@code depth} levels, nested; {@code truncated} says the node limit cut it
 * short. {@code nodes} counts the member too.
 */
public record GenealogyTree(Branch root, int depth, int nodes, boolean truncated) {

    /** A node with its children, nearest level first; no children is an empty list. */
    public record Branch(TreeNode member, List<Branch> children) {
    }
}
