namespace Partnerskab.Portal;

/// <summary>
/// The portal's texts: Resources/SharedResource.resx is Danish (the default), SharedResource.en.resx English.
/// The build names them after this class ("Partnerskab.Portal.SharedResource"), which is where the localizer looks.
/// </summary>
public sealed class SharedResource;
