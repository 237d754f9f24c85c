using System;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Rules.Publish
{
    /// <summary>
    /// The shape shared by the four definition-versus-source rules (OS type, OS state, Hyper-V
    /// generation, security type): an existing definition must fit the source and any stated
    /// value; a definition to be created takes the stated value, which must fit the source.
    /// Each refusal names both values, before any write (ARM would refuse the version PUT, or
    /// fail its long-running operation, only after the gallery and definition were written).
    /// </summary>
    internal abstract class DefinitionPropertyRule : Rule<PublishFacts>
    {
        /// <summary>How the property is named in messages, e.g. "OS state".</summary>
        protected abstract string Property { get; }

        /// <summary>The cmdlet parameter that states it, e.g. "-OsState".</summary>
        protected abstract string Parameter { get; }

        protected abstract string? StatedValue(PublishFacts facts);
        protected abstract string DefinitionValue(GalleryDefinitionState definition);

        /// <summary>The source's value; empty when the source does not say.</summary>
        protected abstract string SourceValue(PublishFacts facts);

        protected virtual string Canonical(string value) => value.Trim();

        protected virtual bool Fits(string definitionValue, string sourceValue, PublishFacts facts) =>
            string.Equals(Canonical(definitionValue), Canonical(sourceValue), StringComparison.OrdinalIgnoreCase);

        public override Finding? Evaluate(PublishFacts facts)
        {
            if (!facts.Source.Exists)
                return null;
            var stated = StatedValue(facts) is string s ? Canonical(s) : null;
            var source = SourceValue(facts) is string v && v.Length > 0 ? Canonical(v) : null;
            var definition = facts.Definition;
            if (definition != null)
            {
                var existing = Canonical(DefinitionValue(definition));
                if (stated != null && !string.Equals(stated, existing, StringComparison.OrdinalIgnoreCase))
                    return Refuse(
                        $"{Parameter} {stated} differs from the {Property} of the existing image definition '{definition.Name}', which is {existing}.",
                        $"Omit {Parameter} (the definition's {existing} applies), or publish to another definition.",
                        definition.Id, FailureCategory.InvalidArgument);
                if (source != null && !Fits(existing, source, facts))
                    return Refuse(
                        $"The image definition '{definition.Name}' has {Property} {existing}, but the source '{facts.Source.Name}' has {Property} {source}.",
                        $"Publish to a definition whose {Property} is {source} (a new -DefinitionName is created with the source's values), or use a source with {Property} {existing}.",
                        definition.Id, FailureCategory.InvalidArgument);
                return null;
            }
            if (stated != null && source != null && !Fits(stated, source, facts))
                return Refuse(
                    $"{Parameter} {stated} does not match the source '{facts.Source.Name}', whose {Property} is {source}.",
                    $"Omit {Parameter}: the new definition takes the source's {Property} ({source}).",
                    facts.Source.Id, FailureCategory.InvalidArgument);
            return null;
        }
    }
}
