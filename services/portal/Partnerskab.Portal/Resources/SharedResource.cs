namespace Partnerskab.Portal;

/// <summary>
/// The portal's texts: Resources/SharedResource.resx is Danish (the default), SharedResource.en.resx English.
/// In the root namespace so the localizer finds them at "Partnerskab.Portal.Resources.SharedResource".
/// </summary>
public sealed class SharedResource;
