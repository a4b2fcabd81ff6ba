package org.stargatekg.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The Stargate KG ontology ({@code sg:}) as constants, in the manner of Jena's vocabulary classes (one constant per term, named as the term): classes,
 * then object properties, datatype properties and named individuals. {@code VocabularyTest} checks every constant
 * against {@code ontology/stargate.ttl}, and every term declared there against these constants.
 */
public final class SG {

    private SG() {}

    /** The namespace of every term: a slash namespace, so each term dereferences on its own. */
    public static final String NS = "https://w3id.org/stargate-kg/ontology/";

    /** The preferred prefix of the namespace. */
    public static final String PREFIX = "sg";

    /** The ontology itself (the owl:Ontology node). */
    public static final Resource ONTOLOGY = ResourceFactory.createResource("https://w3id.org/stargate-kg/ontology");

    /** The namespace of the SHACL shapes that guard the data. */
    public static final String SHAPES_NS = NS + "shapes/";

    // --- Classes ---------------------------------------------------------------------------------------------

    /** Agent. */
    public static final Resource Agent = resource("Agent");

    /** Person. */
    public static final Resource Person = resource("Person");

    /** Organization. */
    public static final Resource Organization = resource("Organization");

    /** Company. */
    public static final Resource Company = resource("Company");

    /** Media outlet. */
    public static final Resource MediaOutlet = resource("MediaOutlet");

    /** Government body. */
    public static final Resource GovernmentBody = resource("GovernmentBody");

    /** Product. */
    public static final Resource Product = resource("Product");

    /** Cloud service. */
    public static final Resource CloudService = resource("CloudService");

    /** Social media platform. */
    public static final Resource SocialMediaPlatform = resource("SocialMediaPlatform");

    /** AI tool. */
    public static final Resource AITool = resource("AITool");

    /** Project. */
    public static final Resource Project = resource("Project");

    /** Infrastructure. */
    public static final Resource Infrastructure = resource("Infrastructure");

    /** Place. */
    public static final Resource Place = resource("Place");

    /** Country. */
    public static final Resource Country = resource("Country");

    /** State. */
    public static final Resource State = resource("State");

    /** Building. */
    public static final Resource Building = resource("Building");

    /** Construction site. */
    public static final Resource ConstructionSite = resource("ConstructionSite");

    /** Currency. */
    public static final Resource Currency = resource("Currency");

    /** Monetary amount. */
    public static final Resource MonetaryAmount = resource("MonetaryAmount");

    /** Reported item. */
    public static final Resource Reported = resource("Reported");

    /** Fact. */
    public static final Resource Fact = resource("Fact");

    /** Position. */
    public static final Resource Position = resource("Position");

    /** Ownership. */
    public static final Resource Ownership = resource("Ownership");

    /** Partnership. */
    public static final Resource Partnership = resource("Partnership");

    /** Backing. */
    public static final Resource Backing = resource("Backing");

    /** Investment plan. */
    public static final Resource InvestmentPlan = resource("InvestmentPlan");

    /** Funding commitment. */
    public static final Resource FundingCommitment = resource("FundingCommitment");

    /** Order. */
    public static final Resource Order = resource("Order");

    /** Organizational transition. */
    public static final Resource OrganizationalTransition = resource("OrganizationalTransition");

    /** Prompt. */
    public static final Resource Prompt = resource("Prompt");

    /** Event. */
    public static final Resource Event = resource("Event");

    /** Briefing. */
    public static final Resource Briefing = resource("Briefing");

    /** Interview. */
    public static final Resource Interview = resource("Interview");

    /** Social media post. */
    public static final Resource SocialMediaPost = resource("SocialMediaPost");

    /** Controversy. */
    public static final Resource Controversy = resource("Controversy");

    /** Dispute. */
    public static final Resource Dispute = resource("Dispute");

    /** Legal action. */
    public static final Resource LegalAction = resource("LegalAction");

    /** Lawsuit. */
    public static final Resource Lawsuit = resource("Lawsuit");

    /** Injunction request. */
    public static final Resource InjunctionRequest = resource("InjunctionRequest");

    /** Legal battle. */
    public static final Resource LegalBattle = resource("LegalBattle");

    /** Commentary. */
    public static final Resource Commentary = resource("Commentary");

    /** Statement. */
    public static final Resource Statement = resource("Statement");

    /** Direct quotation. */
    public static final Resource DirectQuotation = resource("DirectQuotation");

    /** Paraphrased claim. */
    public static final Resource ParaphrasedClaim = resource("ParaphrasedClaim");

    /** Reaction. */
    public static final Resource Reaction = resource("Reaction");

    /** Emoji reaction. */
    public static final Resource EmojiReaction = resource("EmojiReaction");

    /** Criticism. */
    public static final Resource Criticism = resource("Criticism");

    /** Rebuttal. */
    public static final Resource Rebuttal = resource("Rebuttal");

    /** Invitation. */
    public static final Resource Invitation = resource("Invitation");

    /** Warning. */
    public static final Resource Warning = resource("Warning");

    /** Compliment. */
    public static final Resource Compliment = resource("Compliment");

    /** Acknowledgement. */
    public static final Resource Acknowledgement = resource("Acknowledgement");

    /** Suggestion. */
    public static final Resource Suggestion = resource("Suggestion");

    /** Proposition. */
    public static final Resource Proposition = resource("Proposition");

    /** Stance. */
    public static final Resource Stance = resource("Stance");

    /** Polarity. */
    public static final Resource Polarity = resource("Polarity");

    /** Attribute. */
    public static final Resource Attribute = resource("Attribute");

    /** Status. */
    public static final Resource Status = resource("Status");

    /** News article. */
    public static final Resource NewsArticle = resource("NewsArticle");

    /** Evidence passage. */
    public static final Resource EvidencePassage = resource("EvidencePassage");

    /** Course of action (proposed, recommended or warned against by a statement). */
    public static final Resource CourseOfAction = resource("CourseOfAction");

    /** Unnamed referent: someone a statement speaks of without naming them. */
    public static final Resource UnnamedReferent = resource("UnnamedReferent");

    // --- Object properties -----------------------------------------------------------------------------------

    /** Evidence. */
    public static final Property evidence = property("evidence");

    /** Supports. */
    public static final Property supports = property("supports");

    /** Described in. */
    public static final Property describedIn = property("describedIn");

    /** Describes. */
    public static final Property describes = property("describes");

    /** Holder. */
    public static final Property holder = property("holder");

    /** Position in. */
    public static final Property positionIn = property("positionIn");

    /** CEO of. */
    public static final Property ceoOf = property("ceoOf");

    /** Has CEO. */
    public static final Property hasCEO = property("hasCEO");

    /** Owner. */
    public static final Property owner = property("owner");

    /** Owned thing. */
    public static final Property ownedThing = property("ownedThing");

    /** Owns. */
    public static final Property owns = property("owns");

    /** Owned by. */
    public static final Property ownedBy = property("ownedBy");

    /** Operates. */
    public static final Property operates = property("operates");

    /** Operated by. */
    public static final Property operatedBy = property("operatedBy");

    /** Provider. */
    public static final Property provider = property("provider");

    /** Provides. */
    public static final Property provides = property("provides");

    /** Partner. */
    public static final Property partner = property("partner");

    /** Partner of. */
    public static final Property partnerOf = property("partnerOf");

    /** Technology partner of. */
    public static final Property technologyPartnerOf = property("technologyPartnerOf");

    /** Backer. */
    public static final Property backer = property("backer");

    /** Backed project. */
    public static final Property backedProject = property("backedProject");

    /** Backs. */
    public static final Property backs = property("backs");

    /** Backed by. */
    public static final Property backedBy = property("backedBy");

    /** Amount. */
    public static final Property amount = property("amount");

    /** Amount of. */
    public static final Property amountOf = property("amountOf");

    /** Currency. */
    public static final Property currency = property("currency");

    /** Investor. */
    public static final Property investor = property("investor");

    /** Recipient. */
    public static final Property recipient = property("recipient");

    /** Funds. */
    public static final Property funds = property("funds");

    /** Has investment plan. */
    public static final Property hasInvestmentPlan = property("hasInvestmentPlan");

    /** Buyer. */
    public static final Property buyer = property("buyer");

    /** Part of. */
    public static final Property partOf = property("partOf");

    /** Has part. */
    public static final Property hasPart = property("hasPart");

    /** Location. */
    public static final Property location = property("location");

    /** Unveiled at. */
    public static final Property unveiledAt = property("unveiledAt");

    /** Unveiled. */
    public static final Property unveiled = property("unveiled");

    /** Participant. */
    public static final Property participant = property("participant");

    /** Interviewee. */
    public static final Property interviewee = property("interviewee");

    /** Broadcaster. */
    public static final Property broadcaster = property("broadcaster");

    /** Author. */
    public static final Property author = property("author");

    /** Platform. */
    public static final Property platform = property("platform");

    /** Topic. */
    public static final Property topic = property("topic");

    /** Organization. */
    public static final Property organization = property("organization");

    /** Prompted agent. */
    public static final Property promptedAgent = property("promptedAgent");

    /** Party. */
    public static final Property party = property("party");

    /** Plaintiff. */
    public static final Property plaintiff = property("plaintiff");

    /** Plaintiff in. */
    public static final Property plaintiffIn = property("plaintiffIn");

    /** Defendant. */
    public static final Property defendant = property("defendant");

    /** Defendant in. */
    public static final Property defendantIn = property("defendantIn");

    /** Concerns. */
    public static final Property concerns = property("concerns");

    /** Status. */
    public static final Property status = property("status");

    /** Related to. */
    public static final Property relatedTo = property("relatedTo");

    /** Speaker. */
    public static final Property speaker = property("speaker");

    /** Speaker of. */
    public static final Property speakerOf = property("speakerOf");

    /** Channel. */
    public static final Property channel = property("channel");

    /** About. */
    public static final Property about = property("about");

    /** Subject of. */
    public static final Property subjectOf = property("subjectOf");

    /** Addressee. */
    public static final Property addressee = property("addressee");

    /** Stance. */
    public static final Property stance = property("stance");

    /** Responds to. */
    public static final Property respondsTo = property("respondsTo");

    /** Has response. */
    public static final Property hasResponse = property("hasResponse");

    /** Disputes. */
    public static final Property disputes = property("disputes");

    /** Disputed by. */
    public static final Property disputedBy = property("disputedBy");

    /** Avoids. */
    public static final Property avoids = property("avoids");

    /** Refers to. */
    public static final Property refersTo = property("refersTo");

    /** Claims. */
    public static final Property claims = property("claims");

    /** Proposition subject. */
    public static final Property propositionSubject = property("propositionSubject");

    /** Attribute. */
    public static final Property attribute = property("attribute");

    /** Polarity. */
    public static final Property polarity = property("polarity");

    /** Claimed amount. */
    public static final Property claimedAmount = property("claimedAmount");

    /** Claimed status. */
    public static final Property claimedStatus = property("claimedStatus");

    /** Stated in: whose word a monetary amount rests on (the article or a statement). */
    public static final Property statedIn = property("statedIn");

    /** Rather than: the alternative a proposition's subject is preferred over. */
    public static final Property ratherThan = property("ratherThan");

    // --- Datatype properties ---------------------------------------------------------------------------------

    /** Role title. */
    public static final Property roleTitle = property("roleTitle");

    /** Partnership kind. */
    public static final Property partnershipKind = property("partnershipKind");

    /** Value. */
    public static final Property value = property("value");

    /** Maximum value. */
    public static final Property maxValue = property("maxValue");

    /** Currency code. */
    public static final Property currencyCode = property("currencyCode");

    /** Stated as. */
    public static final Property statedAs = property("statedAs");

    /** Hypothetical. */
    public static final Property hypothetical = property("hypothetical");

    /** Purpose. */
    public static final Property purpose = property("purpose");

    /** Period. */
    public static final Property period = property("period");

    /** Timing. */
    public static final Property timing = property("timing");

    /** Ordered item. */
    public static final Property orderedItem = property("orderedItem");

    /** Toward model. */
    public static final Property towardModel = property("towardModel");

    /** Prompt text. */
    public static final Property promptText = property("promptText");

    /** Subject matter. */
    public static final Property subjectMatter = property("subjectMatter");

    /** Verbatim text. */
    public static final Property verbatimText = property("verbatimText");

    /** Paraphrase. */
    public static final Property paraphrase = property("paraphrase");

    /** Emoji. */
    public static final Property emoji = property("emoji");

    /** Article's interpretation. */
    public static final Property articleInterpretation = property("articleInterpretation");

    /** Not stated: a property of an article's record that its text does not give. */
    public static final Property notStated = property("notStated");

    /** Inverse label: how pages read a property from its object back to its subject. */
    public static final Property inverseLabel = property("inverseLabel");

    /** Time relation. */
    public static final Property timeRelation = property("timeRelation");

    /** Conflicts with. */
    public static final Property conflictsWith = property("conflictsWith");

    /** Proposition text. */
    public static final Property propositionText = property("propositionText");

    // --- Named individuals -----------------------------------------------------------------------------------

    /** Critical (a sg:Stance). */
    public static final Resource Critical = resource("Critical");

    /** Skeptical (a sg:Stance). */
    public static final Resource Skeptical = resource("Skeptical");

    /** Supportive (a sg:Stance). */
    public static final Resource Supportive = resource("Supportive");

    /** Conciliatory (a sg:Stance). */
    public static final Resource Conciliatory = resource("Conciliatory");

    /** Cautionary (a sg:Stance). */
    public static final Resource Cautionary = resource("Cautionary");

    /** Evasive (a sg:Stance). */
    public static final Resource Evasive = resource("Evasive");

    /** Humorous (a sg:Stance). */
    public static final Resource Humorous = resource("Humorous");

    /** Affirmative (a sg:Stance). */
    public static final Resource Affirmative = resource("Affirmative");

    /** Affirmed (a sg:Polarity). */
    public static final Resource Affirmed = resource("Affirmed");

    /** Doubted (a sg:Polarity): a hedge, "might not be". */
    public static final Resource Doubted = resource("Doubted");

    /** Denied (a sg:Polarity). */
    public static final Resource Denied = resource("Denied");

    /** Has the money (a sg:Attribute). */
    public static final Resource HasTheMoney = resource("HasTheMoney");

    /** Secured funding (a sg:Attribute). */
    public static final Resource SecuredFunding = resource("SecuredFunding");

    /** Accurate (a sg:Attribute). */
    public static final Resource Accurate = resource("Accurate");

    /** Construction status (a sg:Attribute). */
    public static final Resource ConstructionStatus = resource("ConstructionStatus");

    /** Legitimate (a sg:Attribute). */
    public static final Resource Legitimate = resource("Legitimate");

    /** Secure (a sg:Attribute). */
    public static final Resource Secure = resource("Secure");

    /** Conflicts with ideals (a sg:Attribute). */
    public static final Resource ConflictsWithIdeals = resource("ConflictsWithIdeals");

    /** Focused on real-world benefits (a sg:Attribute). */
    public static final Resource FocusedOnRealBenefits = resource("FocusedOnRealBenefits");

    /** Best use of money (a sg:Attribute). */
    public static final Resource BestUseOfMoney = resource("BestUseOfMoney");

    /** Filed (a sg:Status). */
    public static final Resource Filed = resource("Filed");

    /** Sought (a sg:Status). */
    public static final Resource Sought = resource("Sought");

    /** Looming (not filed) (a sg:Status). */
    public static final Resource Looming = resource("Looming");

    /** Pending (a sg:Status). */
    public static final Resource Pending = resource("Pending");

    /** Ongoing (a sg:Status). */
    public static final Resource Ongoing = resource("Ongoing");

    /** Already underway (a sg:Status). */
    public static final Resource Underway = resource("Underway");

    // --- Added with the draft, sentence and model features -----------------------------------------------

    /** Review status. */
    public static final Resource ReviewStatus = resource("ReviewStatus");

    /** Occurrence. */
    public static final Property occurrence = property("occurrence");

    /** Stated duration. */
    public static final Property statedDuration = property("statedDuration");

    /** Stated date. */
    public static final Property statedDate = property("statedDate");

    /** Review status. */
    public static final Property reviewStatus = property("reviewStatus");

    /** Not reviewed (a sg:ReviewStatus). */
    public static final Resource NotReviewed = resource("NotReviewed");

    /** Reviewed (a sg:ReviewStatus). */
    public static final Resource Reviewed = resource("Reviewed");

    /** Stated amount (a sg:Attribute). */
    public static final Resource StatedAmount = resource("StatedAmount");

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
