package io.downline.user.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.downline.platform.domain.AccessDeniedException;
import io.downline.platform.domain.NotFoundException;
import io.downline.platform.security.Caller;
import io.downline.platform.security.Roles;
import io.downline.user.domain.BrokenTreeLink;
import io.downline.user.domain.DownlineCursor;
import io.downline.user.domain.DownlinePage;
import io.downline.user.domain.LevelCount;
import io.downline.user.domain.TreeNode;
import io.downline.user.repository.MemberRepository;
import io.downline.user.repository.SponsorTreeRepository;

/**
 * Upline, downline, level counts and the genealogy tree. A member in good standing may look at their own
 * upline, and at the downline of themselves or of anyone in their downline; admins and auditors see all.
 * Access is decided before existence: a member asking about an id outside their downline is refused whether
 * or not it exists, so the answer tells nothing about other people's ids.
 */
@ApplicationScoped
public class GenealogyService {

    /** Most nodes a genealogy tree answer carries; deeper or wider trees come back truncated. */
    public static final int TREE_NODE_LIMIT = 2000;
    /** Most broken links the consistency check lists. */
    public static final int BROKEN_LINK_LIMIT = 1000;

    private final MemberRepository members;
    private final SponsorTreeRepository tree;
    private final Caller caller;

    public GenealogyService(MemberRepository members, SponsorTreeRepository tree, Caller caller) {
        this.members = members;
        this.tree = tree;
        this.caller = caller;
    }

    /** Whether the caller sees every member with contact and status fields (admins, auditors). */
    public boolean callerSeesEverything() {
        return caller.hasAnyRole(Roles.ADMIN, Roles.AUDITOR);
    }

    public List<TreeNode> upline(UUID memberId) {
        if (callerSeesEverything()) {
            requireExists(memberId);
        } else {
            caller.requireGoodStanding();
            if (!caller.isMember(memberId)) {
                throw new AccessDeniedException("You may only see your own upline");
            }
        }
        return tree.upline(memberId);
    }

    public DownlinePage downline(UUID memberId, int maxDepth, Optional<DownlineCursor> after, int limit) {
        requireDownlineAccess(memberId);
        return tree.downline(memberId, maxDepth, after, limit);
    }

    public LevelCounts levels(UUID memberId, int maxDepth) {
        requireDownlineAccess(memberId);
        List<LevelCount> levels = tree.levelCounts(memberId, maxDepth);
        return new LevelCounts(memberId, maxDepth, levels.stream().mapToLong(LevelCount::members).sum(), levels);
    }

    public long downlineCount(UUID memberId) {
        requireDownlineAccess(memberId);
        return tree.downlineCount(memberId);
    }

    /** The member and their downline to {@code depth} levels, nested, at most {@link #TREE_NODE_LIMIT} nodes. */
    public GenealogyTree tree(UUID memberId, int depth) {
        requireDownlineAccess(memberId);
        TreeNode self = tree.node(memberId).orElseThrow(() -> NotFoundException.of("Member", memberId));
        DownlinePage page = tree.downline(memberId, depth, Optional.empty(), TREE_NODE_LIMIT);
        List<TreeNode> nodes = page.items();
        Map<UUID, List<GenealogyTree.Branch>> children = new HashMap<>();
        // Deepest first, so that each node's children are complete before the node is built.
        List<TreeNode> deepestFirst = new ArrayList<>(nodes);
        deepestFirst.sort((a, b) -> Integer.compare(b.level(), a.level()));
        for (TreeNode node : deepestFirst) {
            GenealogyTree.Branch built = new GenealogyTree.Branch(node, childrenOf(children, node.id()));
            children.computeIfAbsent(node.sponsorId(), id -> new ArrayList<>()).add(built);
        }
        GenealogyTree.Branch root = new GenealogyTree.Branch(self, childrenOf(children, self.id()));
        return new GenealogyTree(root, depth, nodes.size() + 1, page.next().isPresent());
    }

    /** Members whose path does not follow from their sponsor's: empty when the tree is sound. */
    public List<BrokenTreeLink> brokenLinks() {
        return tree.brokenLinks(BROKEN_LINK_LIMIT);
    }

    private static List<GenealogyTree.Branch> childrenOf(Map<UUID, List<GenealogyTree.Branch>> children, UUID id) {
        List<GenealogyTree.Branch> found = children.remove(id);
        return found == null ? List.of() : List.copyOf(found);
    }

    private void requireDownlineAccess(UUID memberId) {
        if (callerSeesEverything()) {
            requireExists(memberId);
            return;
        }
        caller.requireGoodStanding();
        if (caller.isMember(memberId)) {
            return;
        }
        UUID own = caller.memberId().orElseThrow(() -> new AccessDeniedException("You have no member profile"));
        if (!tree.isInDownline(own, memberId)) {
            throw new AccessDeniedException("You may only see your own downline");
        }
    }

    private void requireExists(UUID memberId) {
        if (members.findByIdOptional(memberId).isEmpty()) {
            throw NotFoundException.of("Member", memberId);
        }
    }
}
