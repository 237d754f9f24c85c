namespace ImageTools.Engine
{
    /// <summary>
    /// Every error id that is not a rule's (rule ids are their class names, see Rules/Rule.cs).
    /// Each becomes the first part of a FullyQualifiedErrorId: never rename one (scripts catch them).
    /// </summary>
    public static class ErrorIds
    {
        /// <summary>A step needs a prompt this host cannot show (a runbook, -NonInteractive); nothing was written.</summary>
        public const string ConfirmationRequired = nameof(ConfirmationRequired);

        /// <summary>A background job failed with something other than an ImageTools error.</summary>
        public const string UnexpectedFailure = nameof(UnexpectedFailure);
    }
}
