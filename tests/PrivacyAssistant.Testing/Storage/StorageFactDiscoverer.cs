using Xunit.Abstractions;
using Xunit.Sdk;

namespace PrivacyAssistant.Testing.Storage;

public sealed class StorageFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(UsesPostgresAttribute)).Any();
        var skip = needsPostgres && !PostgresServer.IsConfigured && !PostgresServer.IsRequired;
        var display = discoveryOptions.MethodDisplayOrDefault();
        var methodDisplayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return skip
            ? new SkippedTestCase(diagnosticMessageSink, display, methodDisplayOptions, testMethod, PostgresServer.SkipReason)
            : new XunitTestCase(diagnosticMessageSink, display, methodDisplayOptions, testMethod);
    }

    private sealed class SkippedTestCase : XunitTestCase
    {
        private string reason = string.Empty;

        [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
        public SkippedTestCase()
        {
        }

        public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod method, string reason)
            : base(sink, display, options, method)
        {
            this.reason = reason;
        }

        protected override string GetSkipReason(IAttributeInfo factAttribute) => reason;

        public override void Serialize(IXunitSerializationInfo data)
        {
            base.Serialize(data);
            data.AddValue("SkipReasonText", reason);
        }

        public override void Deserialize(IXunitSerializationInfo data)
        {
            reason = data.GetValue<string>("SkipReasonText");
            base.Deserialize(data);
        }
    }
}
