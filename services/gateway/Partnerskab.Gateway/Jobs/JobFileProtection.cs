using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Partnerskab.Gateway.Idempotency;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// A bulk file at rest, until its job ends, is AES-256-GCM ciphertext (nonce, tag, ciphertext),
/// under a key derived (HKDF-SHA256) from the gateway's secret key: a citizens file carries CPR
/// numbers, and the database never holds one in the clear. The job id is the associated data, so
/// one job's file cannot be passed off as another's.
/// </summary>
public sealed class JobFileProtection(IOptions<IdempotencyOptions> options)
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] key = HKDF.DeriveKey(HashAlgorithmName.SHA256, options.Value.SecretKey(), 32, info: Encoding.ASCII.GetBytes("partnerskab bulk job files"));

    public byte[] Protect(Guid jobId, byte[] file)
    {
        var sealedFile = new byte[NonceBytes + TagBytes + file.Length];
        var nonce = sealedFile.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, file, sealedFile.AsSpan(NonceBytes + TagBytes), sealedFile.AsSpan(NonceBytes, TagBytes), jobId.ToByteArray());
        return sealedFile;
    }

    public byte[] Unprotect(Guid jobId, byte[] sealedFile)
    {
        var file = new byte[sealedFile.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(sealedFile.AsSpan(0, NonceBytes), sealedFile.AsSpan(NonceBytes + TagBytes), sealedFile.AsSpan(NonceBytes, TagBytes), file, jobId.ToByteArray());
        return file;
    }
}
