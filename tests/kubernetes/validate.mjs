// Renders every overlay under deploy/kubernetes/overlays with `kubectl kustomize` and checks what comes out:
//   1. every object against the Kubernetes API schema of its kind (the kubernetes-models package: the
//      OpenAPI schemas of the Kubernetes API, checked with ajv); an unknown kind fails;
//   2. the suite's own rules: each process's Deployment has startup, liveness and readiness probes on
//      health paths the programs really map (MapHealthChecks in services/) and on the container port
//      that the program's Service__HttpPort names; CPU and memory requests and a memory limit; a
//      PodDisruptionBudget that selects its pods; a Service for it; a migration Job
//      (Database__Migrations=ApplyAndExit) while the Deployment waits (Await); no Secret holds data.
//
//   node tests/kubernetes/validate.mjs REPO_ROOT NODE_MODULES_DIR
// Prints one line per overlay and every problem found; exits 1 if there is any.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [repoRoot, nodeModules] = process.argv.slice(2);
if (!repoRoot || !nodeModules) {
    console.error("usage: validate.mjs REPO_ROOT NODE_MODULES_DIR");
    process.exit(2);
}
const yaml = await import(pathToFileURL(join(nodeModules, "js-yaml", "dist", "js-yaml.mjs")));

// The five processes and the settings that must reach them.
const processes = ["cohort", "outcome", "payment", "gateway", "portal"];

function healthPathsInCode() {
    const paths = new Set();
    const walk = (dir) => {
        for (const entry of readdirSync(dir)) {
            if (entry === "bin" || entry === "obj") continue;
            const path = join(dir, entry);
            if (statSync(path).isDirectory()) walk(path);
            else if (path.endsWith(".cs")) {
                for (const match of readFileSync(path, "utf8").matchAll(/MapHealthChecks\("([^"]+)"/g)) paths.add(match[1]);
            }
        }
    };
    walk(join(repoRoot, "services"));
    return paths;
}

async function schemaProblems(object) {
    const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
    const file = join(nodeModules, "kubernetes-models", ...(group ? [group, version] : [version]), `${object.kind}.js`);
    let model;
    try {
        model = await import(pathToFileURL(file));
    } catch {
        return [`${object.apiVersion} ${object.kind} is not a kind of the Kubernetes API`];
    }
    try {
        new model[object.kind](object).validate();
        return [];
    } catch (e) {
        return [e.message];
    }
}

const matches = (selector, labels) => Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
const envValue = (container, name) => container.env?.find((variable) => variable.name === name)?.value;

function structureProblems(objects, healthPaths) {
    const problems = [];
    const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
    for (const secret of objects.filter((o) => o.kind === "Secret")) {
        if (Object.keys(secret.data ?? {}).length > 0 || Object.keys(secret.stringData ?? {}).length > 0) {
            problems.push(`Secret ${secret.metadata.name} holds data: key material is never committed`);
        }
    }
    for (const budget of objects.filter((o) => o.kind === "PodDisruptionBudget")) {
        const selected = objects.some((o) => o.kind === "Deployment" && matches(budget.spec.selector?.matchLabels, o.spec.template.metadata.labels));
        if (!selected) problems.push(`PodDisruptionBudget ${budget.metadata.name} selects no Deployment's pods`);
    }
    for (const name of processes) {
        const deployment = named("Deployment", name);
        if (!deployment) {
            problems.push(`no Deployment ${name}`);
            continue;
        }
        const pod = deployment.spec.template;
        const container = pod.spec.containers.find((c) => c.name === name);
        if (!container) {
            problems.push(`Deployment ${name} has no container ${name}`);
            continue;
        }
        const httpPort = Number(envValue(container, "Service__HttpPort"));
        for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
            const get = container[probe]?.httpGet;
            if (!get) {
                problems.push(`Deployment ${name}: no ${probe} with httpGet`);
                continue;
            }
            if (!healthPaths.has(get.path)) {
                problems.push(`Deployment ${name}: ${probe} path ${get.path} is none the programs map (${[...healthPaths].join(", ")})`);
            }
            const port = typeof get.port === "number" ? get.port : container.ports?.find((p) => p.name === get.port)?.containerPort;
            if (!httpPort || port !== httpPort) {
                problems.push(`Deployment ${name}: ${probe} port ${get.port} (${port}) is not Service__HttpPort (${httpPort})`);
            }
        }
        if (container.readinessProbe?.httpGet?.path !== "/health/ready") problems.push(`Deployment ${name}: readiness is not /health/ready`);
        if (container.livenessProbe?.httpGet?.path !== "/health/live") problems.push(`Deployment ${name}: liveness is not /health/live`);
        const resources = container.resources ?? {};
        if (!resources.requests?.cpu || !resources.requests?.memory || !resources.limits?.memory) {
            problems.push(`Deployment ${name}: CPU and memory requests and a memory limit are required`);
        }
        if (!matches(deployment.spec.selector.matchLabels, pod.metadata.labels)) {
            problems.push(`Deployment ${name}: its selector does not select its own pods`);
        }
        const budgets = objects.filter((o) => o.kind === "PodDisruptionBudget" && matches(o.spec.selector?.matchLabels, pod.metadata.labels));
        if (budgets.length !== 1) problems.push(`Deployment ${name}: ${budgets.length} PodDisruptionBudgets select its pods, not 1`);
        const service = named("Service", name);
        if (!service || !matches(service.spec.selector, pod.metadata.labels)) {
            problems.push(`Service ${name} missing or selecting none of the Deployment's pods`);
        } else {
            for (const port of service.spec.ports) {
                if (typeof port.targetPort === "string" && !container.ports?.some((p) => p.name === port.targetPort)) {
                    problems.push(`Service ${name}: target port ${port.targetPort} is no port of the container`);
                }
            }
        }
        if (envValue(container, "Database__Migrations") !== "Await") problems.push(`Deployment ${name}: Database__Migrations is not Await`);
        const job = named("Job", `${name}-migrate`);
        const jobContainer = job?.spec.template.spec.containers[0];
        if (!jobContainer || envValue(jobContainer, "Database__Migrations") !== "ApplyAndExit" || jobContainer.image !== container.image) {
            problems.push(`no Job ${name}-migrate running the Deployment's image with Database__Migrations=ApplyAndExit`);
        } else if (envValue(jobContainer, "ConnectionStrings__Database") !== envValue(container, "ConnectionStrings__Database")) {
            problems.push(`Job ${name}-migrate migrates another database than Deployment ${name} uses`);
        }
    }
    return problems;
}

const healthPaths = healthPathsInCode();
const overlaysDir = join(repoRoot, "deploy", "kubernetes", "overlays");
let failed = false;
for (const overlay of readdirSync(overlaysDir).sort()) {
    const dir = join(overlaysDir, overlay);
    let rendered;
    try {
        rendered = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
        console.log(`overlay ${overlay}: does not render: ${e.stderr || e.message}`);
        failed = true;
        continue;
    }
    const objects = yaml.loadAll(rendered).filter(Boolean);
    const problems = [];
    for (const object of objects) {
        for (const problem of await schemaProblems(object)) problems.push(`${object.kind} ${object.metadata?.name}: ${problem}`);
    }
    problems.push(...structureProblems(objects, healthPaths));
    console.log(`overlay ${overlay}: ${objects.length} objects, ${problems.length} problems`);
    for (const problem of problems) console.log(`  ${problem}`);
    failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
