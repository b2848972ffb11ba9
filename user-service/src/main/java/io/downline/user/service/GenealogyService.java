package io.downline.user.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.paging.Page;
import io.downline.platform.http.ProblemException;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;
import io.downline.user.domain.LevelCount;
import io.downline.user.domain.Member;
import io.downline.user.domain.TreeNode;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.SponsorTreeRepository;
import io.downline.user.rest.dto.GenealogyNodeView;
import io.downline.user.rest.dto.LevelCountsView;
import io.downline.user.rest.dto.TreeView;

/**
 * Upline, downline, level counts and the genealogy tree. A member may look at their own upline, and at
 * the downline of themselves or of anyone in their downline, names only; admins and auditors see all.
 */
@ApplicationScoped
public class GenealogyService {

    /** Most nodes a genealogy tree answer carries; deeper or wider trees come back truncated. */
    static final int TREE_NODE_LIMIT = 2000;

    private final MemberRepository members;
    private final SponsorTreeRepository tree;
    private final Caller caller;

    public GenealogyService(MemberRepository members, SponsorTreeRepository tree, Caller caller) {
        this.members = members;
        this.tree = tree;
        this.caller = caller;
    }

    public List<GenealogyNodeView> upline(UUID memberId) {
        requireExists(memberId);
        if (!seesEverything() && !caller.isMember(memberId)) {
            throw ProblemException.forbidden("You may only see your own upline");
        }
        return tree.upline(memberId).stream().map(node -> GenealogyNodeView.of(node, seesEverything())).toList();
    }

    public Page<GenealogyNodeView> downline(UUID memberId, int maxDepth, int page, int size) {
        requireDownlineAccess(memberId);
        List<TreeNode> nodes = tree.downline(memberId, maxDepth, page * size, size);
        long total = tree.levelCounts(memberId, maxDepth).stream().mapToLong(LevelCount::members).sum();
        return new Page<>(nodes.stream().map(node -> GenealogyNodeView.of(node, seesEverything())).toList(), page,
                size, total);
    }

    public LevelCountsView levels(UUID memberId, int maxDepth) {
        requireDownlineAccess(memberId);
        List<LevelCount> levels = tree.levelCounts(memberId, maxDepth);
        return new LevelCountsView(memberId, maxDepth, levels.stream().mapToLong(LevelCount::members).sum(), levels);
    }

    public long downlineCount(UUID memberId) {
        requireDownlineAccess(memberId);
        return tree.downlineCount(memberId);
    }

    /** The member and their downline to {@code depth} levels, nested, at most {@link #TREE_NODE_LIMIT} nodes. */
    public TreeView tree(UUID memberId, int depth) {
        Member member = requireDownlineAccess(memberId);
        boolean full = seesEverything();
        List<TreeNode> nodes = tree.downline(memberId, depth, 0, TREE_NODE_LIMIT + 1);
        boolean truncated = nodes.size() > TREE_NODE_LIMIT;
        if (truncated) {
            nodes = nodes.subList(0, TREE_NODE_LIMIT);
        }
        Map<UUID, List<TreeView.Node>> children = new HashMap<>();
        // Deepest first, so that each node's children are complete before the node is built.
        List<TreeNode> deepestFirst = new ArrayList<>(nodes);
        deepestFirst.sort((a, b) -> Integer.compare(b.level(), a.level()));
        for (TreeNode node : deepestFirst) {
            TreeView.Node built = new TreeView.Node(GenealogyNodeView.of(node, full), children.remove(node.id()));
            children.computeIfAbsent(node.sponsorId(), id -> new ArrayList<>()).add(built);
        }
        TreeNode self = new TreeNode(member.id, member.sponsorId, 0, member.name, member.email, member.country,
                member.status, member.rank, member.registeredAt);
        TreeView.Node root = new TreeView.Node(GenealogyNodeView.of(self, full), children.remove(member.id));
        return new TreeView(root, depth, nodes.size() + 1, truncated);
    }

    private Member requireDownlineAccess(UUID memberId) {
        Member member = requireExists(memberId);
        if (seesEverything() || caller.isMember(memberId)) {
            return member;
        }
        UUID own = caller.memberId().orElseThrow(() -> ProblemException.forbidden("You have no member profile"));
        if (!tree.isInDownline(own, memberId)) {
            throw ProblemException.forbidden("You may only see your own downline");
        }
        return member;
    }

    private Member requireExists(UUID memberId) {
        return members.findByIdOptional(memberId).orElseThrow(() -> ProblemException.notFound("Member", memberId));
    }

    private boolean seesEverything() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.AUDITOR);
    }
}
