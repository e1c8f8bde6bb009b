/*
 * COMPILE-ONLY STAND-IN written for nbci (not Jenkins code). It declares only the members the nbci
 * Jenkins adapter uses, with the signatures of workflow-step-api 724.v538c2362b_dfb_. It is on the compile
 * classpath in `provided` scope and is never packaged into the .hpi; at run time Jenkins supplies the
 * real type. Build with -Pjenkins to compile against the real artifact instead.
 */
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(Object result);

    public abstract void setResult(Result r);

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    public boolean hasBody() {
        throw new UnsupportedOperationException("compile-only stand-in");
    }
}
